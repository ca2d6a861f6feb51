package dev.daap.domain.common;

import java.util.function.Supplier;

/**
 * The unit of work: everything a use case does through the ports inside {@code work} commits or rolls back
 * together. Repositories join the transaction that is open on the calling thread.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
