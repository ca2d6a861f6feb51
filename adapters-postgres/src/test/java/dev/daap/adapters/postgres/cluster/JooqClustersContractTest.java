package dev.daap.adapters.postgres.cluster;

import dev.daap.adapters.postgres.MigratedDatabase.RolledBackTransaction;
import dev.daap.domain.cluster.Clusters;
import dev.daap.testing.ClustersContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The same rules the in-memory fake keeps, checked on PostgreSQL 17. */
class JooqClustersContractTest extends ClustersContract {
    private RolledBackTransaction transaction;

    @BeforeEach
    void begin() {
        transaction = new RolledBackTransaction();
    }

    @AfterEach
    void rollBack() throws Exception {
        transaction.close();
    }

    @Override
    protected Clusters clusters() {
        return new JooqClusters(transaction::dsl);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
