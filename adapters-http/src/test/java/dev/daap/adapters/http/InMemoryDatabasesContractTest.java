package dev.daap.adapters.http;

import dev.daap.domain.database.Databases;
import dev.daap.testing.DatabasesContract;
import dev.daap.testing.InMemoryDatabases;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryDatabasesContractTest extends DatabasesContract {
    private final InMemoryDatabases databases = new InMemoryDatabases();

    @Override
    protected Databases databases() {
        return databases;
    }
}
