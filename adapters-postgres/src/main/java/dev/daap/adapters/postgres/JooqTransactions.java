package dev.daap.adapters.postgres;

import dev.daap.domain.common.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * The unit of work on jOOQ: a use case's {@link #inTransaction} opens one database transaction, and every
 * repository call on the same thread joins it through {@link #dsl()}. A nested call joins the outer one.
 *
 * <p>Notifications asked for inside a transaction are handed to a {@link NotificationSender} after it commits.
 * Sent inside, they would make PostgreSQL hold a cluster-wide lock from the notifying transaction's commit until
 * its WAL flush is done, so that concurrent creates commit one at a time (pgbench, 16 clients inserting and
 * committing, on the 2-core development VM on 2026-11-25, commit 08c276d: 3,010 tps without a NOTIFY, 1,384 with
 * one inside the transaction, 3,208 with it sent just after). A notification lost to a crash between the commit
 * and the send only costs its listener a poll interval: listeners read their table anyway.
 */
public final class JooqTransactions implements Transactions, JooqSession {
    private final DSLContext base;
    private final NotificationSender notifications;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    public JooqTransactions(DSLContext base) {
        this.base = base;
        this.notifications = new NotificationSender(base);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        List<Field<?>> asked = new ArrayList<>();
        T result;
        try {
            result = base.transactionResult(configuration -> {
                current.set(new Unit(configuration.dsl(), asked));
                try {
                    return work.get();
                } finally {
                    current.remove();
                }
            });
        } catch (RuntimeException e) { // taking a connection, BEGIN and COMMIT run outside any statement's listener
            throw StoreErrors.translate(e);
        }
        notifications.send(asked);
        return result;
    }

    @Override
    public DSLContext dsl() {
        Unit unit = current.get();
        return unit != null ? unit.dsl() : base;
    }

    @Override
    public void notifyAfterCommit(String channel, String payload) {
        Field<?> notification = NotificationSender.notification(channel, payload);
        Unit unit = current.get();
        if (unit != null) {
            unit.notifications().add(notification);
        } else {
            notifications.send(List.of(notification));
        }
    }

    private record Unit(DSLContext dsl, List<Field<?>> notifications) {}
}
