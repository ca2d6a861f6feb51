package dev.daap.adapters.postgres.database;

import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.Databases;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.DatabasesContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL 17. */
class JooqDatabasesContractTest extends DatabasesContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Databases databases() {
        return new JooqDatabases(transaction::dsl);
    }

    @Override
    protected void teamExists(TeamSlug slug) {
        MigratedDatabase.teamsExist(transaction.dsl(), slug);
    }

    @Override
    protected void clusterExists(ClusterRef cluster) {
        MigratedDatabase.clustersExist(transaction.dsl(), cluster);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
