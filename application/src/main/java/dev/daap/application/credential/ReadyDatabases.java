package dev.daap.application.credential;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;

/** Credentials exist once a database is ready, and belong to the members of its team. */
final class ReadyDatabases {
    private ReadyDatabases() {}

    static Database find(Databases databases, Principal principal, DatabaseId id) {
        Database database = DatabaseAccess.find(databases, principal, id, Role.MEMBER);
        if (database.status() != DatabaseStatus.READY) {
            throw new IllegalTransitionException("credentials exist once the database is ready; it is "
                    + database.status().wireName());
        }
        return database;
    }
}
