package dev.daap.adapters.http;

import dev.daap.domain.cluster.Clusters;
import dev.daap.testing.ClustersContract;
import dev.daap.testing.InMemoryClusters;

/** The fake behind the HTTP tests keeps the same rules as the PostgreSQL store. */
class InMemoryClustersContractTest extends ClustersContract {
    private final InMemoryClusters clusters = new InMemoryClusters();

    @Override
    protected Clusters clusters() {
        return clusters;
    }
}
