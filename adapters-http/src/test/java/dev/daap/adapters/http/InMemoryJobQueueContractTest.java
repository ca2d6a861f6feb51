package dev.daap.adapters.http;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.JobQueue;
import dev.daap.testing.InMemoryJobQueue;
import dev.daap.testing.JobQueueContract;

/** The queue behind the HTTP tests keeps the same rules as the PostgreSQL queue. */
class InMemoryJobQueueContractTest extends JobQueueContract {
    private final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);

    @Override
    protected JobQueue jobs() {
        return jobs;
    }

    @Override
    protected void addDatabase(DatabaseId id) {
        // The fake has no foreign key from jobs to databases.
    }

    @Override
    protected void addCluster(ClusterId id) {
        // Nor from jobs to clusters.
    }
}
