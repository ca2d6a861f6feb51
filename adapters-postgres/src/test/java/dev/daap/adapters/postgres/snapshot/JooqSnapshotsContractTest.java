package dev.daap.adapters.postgres.snapshot;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.domain.database.Database;
import dev.daap.domain.snapshot.Snapshots;
import dev.daap.testing.SnapshotsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL 17, with the database rows they refer to. */
class JooqSnapshotsContractTest extends SnapshotsContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Snapshots snapshots() {
        return new JooqSnapshots(transaction::dsl);
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
