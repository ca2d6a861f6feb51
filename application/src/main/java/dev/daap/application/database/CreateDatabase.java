package dev.daap.application.database;

import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;

import java.time.Clock;

/** A team asks for a database: the record is stored as pending, in one transaction. */
public final class CreateDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateDatabase(Transactions transactions, Databases databases, IdGenerator ids, Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.ids = ids;
        this.clock = clock;
    }

    public Database execute(CreateDatabaseCommand command) {
        Database database = Database.requested(new DatabaseId(ids.newId()), command.name(), command.ownerTeam(),
                command.purpose(), command.labels(), clock.instant());
        return transactions.inTransaction(() -> {
            databases.add(database);
            return database;
        });
    }
}
