package dev.daap.adapters.http;

import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.testing.IdempotencyStoreContract;
import dev.daap.testing.InMemoryIdempotencyStore;

/** The idempotency store behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryIdempotencyStoreContractTest extends IdempotencyStoreContract {
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

    @Override
    protected IdempotencyStore store() {
        return store;
    }
}
