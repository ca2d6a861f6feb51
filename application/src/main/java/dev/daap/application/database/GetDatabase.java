package dev.daap.application.database;

import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseNotFoundException;

/** Reads one live database. A single read needs no explicit transaction. */
public final class GetDatabase {
    private final Databases databases;

    public GetDatabase(Databases databases) {
        this.databases = databases;
    }

    public Database execute(DatabaseId id) {
        return databases.find(id).orElseThrow(() -> new DatabaseNotFoundException(id.toString()));
    }
}
