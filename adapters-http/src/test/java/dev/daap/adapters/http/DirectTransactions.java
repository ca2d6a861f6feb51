package dev.daap.adapters.http;

import dev.daap.domain.common.Transactions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A unit of work that just runs the work: the in-memory store has nothing to commit. It counts the units opened
 * and knows whether one is open on the calling thread, so a test can see how a request used them.
 */
final class DirectTransactions implements Transactions {
    private final AtomicInteger opened = new AtomicInteger();
    private final ThreadLocal<Integer> depth = ThreadLocal.withInitial(() -> 0);

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        opened.incrementAndGet();
        depth.set(depth.get() + 1);
        try {
            return work.get();
        } finally {
            depth.set(depth.get() - 1);
        }
    }

    /** Units of work opened so far, nested ones included. */
    int opened() {
        return opened.get();
    }

    boolean isOpenOnThisThread() {
        return depth.get() > 0;
    }
}
