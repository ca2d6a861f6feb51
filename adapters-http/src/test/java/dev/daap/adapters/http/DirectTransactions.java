package dev.daap.adapters.http;

import dev.daap.domain.common.Transactions;
import java.util.function.Supplier;

/** A unit of work that just runs the work: the in-memory store has nothing to commit. */
final class DirectTransactions implements Transactions {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
