package dev.daap.application.user;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserName;

/** One live user of a database; viewers may read it. */
public final class GetUser {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;

    public GetUser(Transactions transactions, Databases databases, DatabaseUsers users) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
    }

    public ListUsers.Listed execute(Caller caller, DatabaseId id, UserName name) {
        return transactions.inTransaction(() -> {
            Database database = DatabaseAccess.find(databases, caller.principal(), id, Role.VIEWER);
            return new ListUsers.Listed(database, java.util.List.of(UserLookup.user(users, database, name)));
        });
    }
}
