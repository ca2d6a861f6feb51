package dev.daap.application.database;

import dev.daap.domain.common.Page;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.Databases;

/** One page of live databases; build the query with {@link ListDatabasesQuery#of}. */
public final class ListDatabases {
    private final Databases databases;

    public ListDatabases(Databases databases) {
        this.databases = databases;
    }

    public Page<Database> execute(DatabaseQuery query) {
        return databases.list(query);
    }
}
