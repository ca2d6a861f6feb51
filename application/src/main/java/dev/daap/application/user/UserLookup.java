package dev.daap.application.user;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.UserNotFoundException;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserName;

/** Finding a database's users for a caller, with the access the caller needs; shared by the users' use cases. */
final class UserLookup {
    private UserLookup() {}

    /** The database, readable by the caller with {@code minimum}, and ready (users exist on ready databases). */
    static Database readyDatabase(Databases databases, Principal principal, DatabaseId id, Role minimum) {
        Database database = DatabaseAccess.find(databases, principal, id, minimum);
        if (database.status() != DatabaseStatus.READY) {
            throw new IllegalTransitionException("users are managed while the database is ready; it is "
                    + database.status().wireName());
        }
        return database;
    }

    /**
     * The database, readable by the caller with {@code minimum}, and serving clients: ready, or moving to another
     * cluster (its credentials are read throughout a move, which keeps them; only changes to users wait for it).
     */
    static Database servingDatabase(Databases databases, Principal principal, DatabaseId id, Role minimum) {
        Database database = DatabaseAccess.find(databases, principal, id, minimum);
        if (database.status() == DatabaseStatus.MOVING) {
            return database;
        }
        return readyDatabase(databases, principal, id, minimum);
    }

    static DatabaseUser user(DatabaseUsers users, Database database, UserName name) {
        return users.find(database.id(), name)
                .orElseThrow(() -> new UserNotFoundException(database.id().toString(), name.value()));
    }

    /** The user, locked until the transaction ends (changes to its logins take turns). */
    static DatabaseUser locked(DatabaseUsers users, Database database, UserName name) {
        DatabaseUser found = user(users, database, name);
        return users.lock(found.id())
                .filter(DatabaseUser::live)
                .orElseThrow(() -> new UserNotFoundException(database.id().toString(), name.value()));
    }

    /** The connection details of one of the user's logins: the database's, with the login as username. */
    static ConnectionDetails as(Database database, DatabaseUser user, LoginSlot slot) {
        ConnectionDetails c = database.connection();
        return new ConnectionDetails(
                c.host(), c.port(), c.database(), user.loginName(slot, database.nameOnCluster()), c.sslmode());
    }

    static UserCredentials credentials(Database database, DatabaseUser user, String password) {
        return new UserCredentials(
                database,
                user,
                as(database, user, user.current()),
                password,
                user.previous()
                        .map(slot -> user.loginName(slot, database.nameOnCluster()))
                        .orElse(null),
                user.previousValidUntil());
    }
}
