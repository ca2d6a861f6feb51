package dev.daap.adapters.http;

import dev.daap.domain.access.ApiKeys;
import dev.daap.testing.ApiKeysContract;
import dev.daap.testing.InMemoryApiKeys;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryApiKeysContractTest extends ApiKeysContract {
    private final InMemoryApiKeys keys = new InMemoryApiKeys();

    @Override
    protected ApiKeys keys() {
        return keys;
    }
}
