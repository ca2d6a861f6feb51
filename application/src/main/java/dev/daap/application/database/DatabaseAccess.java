package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseDeletedException;
import dev.daap.domain.error.DatabaseNotFoundException;

/** Finds a database that the caller may act on with a role; another team's database is "not found". */
public final class DatabaseAccess {
    private DatabaseAccess() {}

    /**
     * A live database: what changes and connections act on. One that is deleted, being purged or purged is a
     * {@link DatabaseDeletedException} (409, saying until when it can be restored) for a caller who may see it, so
     * that nobody takes a deleted database for one that never existed.
     */
    public static Database find(Databases databases, Principal principal, DatabaseId id, Role minimum) {
        Database database = findAny(databases, principal, id, minimum);
        if (!database.isLive()) {
            throw new DatabaseDeletedException(id.toString(), database.status().wireName(), database.restorableUntil());
        }
        return database;
    }

    /** As {@link #find}, but deleted, purging and purged databases too: what GET, restore and purge act on. */
    public static Database findAny(Databases databases, Principal principal, DatabaseId id, Role minimum) {
        Database database =
                databases.findIncludingDeleted(id).orElseThrow(() -> new DatabaseNotFoundException(id.toString()));
        AccessPolicy.requireRole(
                principal, database.ownerTeam(), minimum, () -> new DatabaseNotFoundException(id.toString()));
        return database;
    }
}
