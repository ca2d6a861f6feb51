package dev.daap.application.database;

import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;

/** Reads one database of the caller's team, deleted ones too (with {@code restorable_until}), (any team for a platform admin). No transaction needed. */
public final class GetDatabase {
    private final Databases databases;

    public GetDatabase(Databases databases) {
        this.databases = databases;
    }

    public Database execute(Principal principal, DatabaseId id) {
        return DatabaseAccess.findAny(databases, principal, id, Role.VIEWER);
    }
}
