package dev.daap.application.user;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserName;

/** A member (not a viewer) reads a user's current password; every read is audited, without the password. */
public final class ReadUserCredentials {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final UserPasswords passwords;
    private final AuditTrail audit;

    public ReadUserCredentials(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            UserPasswords passwords,
            AuditTrail audit) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    public UserCredentials execute(Caller caller, DatabaseId id, UserName name) {
        return transactions.inTransaction(() -> {
            Database database = UserLookup.servingDatabase(databases, caller.principal(), id, Role.MEMBER);
            DatabaseUser user = UserLookup.user(users, database, name);
            UserCredentials credentials = read(database, user);
            audit.userCredentialsRead(caller, database, user);
            return credentials;
        });
    }

    /** The first owner's credentials: what {@code …/credentials} answers. */
    UserCredentials firstOwner(Caller caller, DatabaseId id) {
        return transactions.inTransaction(() -> {
            Database database = UserLookup.servingDatabase(databases, caller.principal(), id, Role.MEMBER);
            DatabaseUser user = UserLookup.user(users, database, UserName.FIRST_OWNER);
            UserCredentials credentials = read(database, user);
            audit.credentialsRead(caller, database, credentials.current().username());
            return credentials;
        });
    }

    private UserCredentials read(Database database, DatabaseUser user) {
        String password = passwords
                .read(user, user.current())
                .orElseThrow(() -> new IllegalTransitionException(
                        "user " + user.name() + " has no stored password;" + " rotate its credentials"));
        return UserLookup.credentials(database, user, password);
    }
}
