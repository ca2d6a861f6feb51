package dev.daap.application.database;

import dev.daap.application.access.AccessPolicy;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.DatabaseNotFoundException;

/** Finds a live database that the caller may act on with a role; another team's database is "not found". */
public final class DatabaseAccess {
    private DatabaseAccess() {}

    public static Database find(Databases databases, Principal principal, DatabaseId id, Role minimum) {
        Database database = databases.find(id).orElseThrow(() -> new DatabaseNotFoundException(id.toString()));
        AccessPolicy.requireRole(
                principal, database.ownerTeam(), minimum, () -> new DatabaseNotFoundException(id.toString()));
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
