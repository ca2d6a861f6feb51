package dev.daap.application.user;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import java.util.List;

/** The live users of a database, by name; viewers may list them (there is no secret in a user). */
public final class ListUsers {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;

    public ListUsers(Transactions transactions, Databases databases, DatabaseUsers users) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
    }

    public Listed execute(Caller caller, DatabaseId id) {
        return transactions.inTransaction(() -> {
            Database database = DatabaseAccess.find(databases, caller.principal(), id, Role.VIEWER);
            return new Listed(database, users.liveOf(database.id()));
        });
    }

    /** The users, with their database (for the names of their logins). */
    public record Listed(Database database, List<DatabaseUser> users) {}
}
