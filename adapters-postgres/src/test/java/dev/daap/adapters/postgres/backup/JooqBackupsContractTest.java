package dev.daap.adapters.postgres.backup;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.database.Database;
import dev.daap.testing.BackupsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL 17, with the database rows they refer to. */
class JooqBackupsContractTest extends BackupsContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Backups backups() {
        return new JooqBackups(transaction::dsl);
    }

    @Override
    protected void databaseExists(Database database) {
        MigratedDatabase.teamsExist(transaction.dsl(), database.ownerTeam());
        MigratedDatabase.clustersExist(transaction.dsl(), database.cluster());
        new JooqDatabases(transaction::dsl).add(database);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
