package dev.daap.adapters.postgres.cluster;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.domain.cluster.Clusters;
import dev.daap.testing.ClustersContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same rules the in-memory fake keeps, checked on PostgreSQL 17. */
class JooqClustersContractTest extends ClustersContract {
    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Override
    protected Clusters clusters() {
        return new JooqClusters(transaction::dsl);
    }

    @Override
    protected void inTransaction(Runnable work) {
        transaction.inSavepoint(work);
    }
}
