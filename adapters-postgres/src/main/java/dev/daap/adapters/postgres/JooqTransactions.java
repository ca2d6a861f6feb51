package dev.daap.adapters.postgres;

import dev.daap.domain.common.Transactions;
import org.jooq.DSLContext;

import java.util.function.Supplier;

/**
 * The unit of work on jOOQ: a use case's {@link #inTransaction} opens one database transaction, and every
 * repository call on the same thread joins it through {@link #dsl()}. A nested call joins the outer one.
 */
public final class JooqTransactions implements Transactions, JooqSession {
    private final DSLContext base;
    private final ThreadLocal<DSLContext> current = new ThreadLocal<>();

    public JooqTransactions(DSLContext base) {
        this.base = base;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        return StoreErrors.translate(() -> base.transactionResult(configuration -> {
            current.set(configuration.dsl());
            try {
                return work.get();
            } finally {
                current.remove();
            }
        }));
    }

    @Override
    public DSLContext dsl() {
        DSLContext transactional = current.get();
        return transactional != null ? transactional : base;
    }
}
