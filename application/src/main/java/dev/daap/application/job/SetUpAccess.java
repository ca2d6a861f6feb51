package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.util.Optional;

/**
 * The job the upgrade to access levels queues for every ready database: gives it its three group roles on its
 * cluster, its login becoming the first owner user (outside any transaction), then completes. A database that is no
 * longer ready needs none: a deleted one gets them when it is restored, a new one when it is provisioned. The
 * provisioner's steps converge, so a crash anywhere only leaves the job to be taken again.
 */
public final class SetUpAccess implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final ClusterTargets targets;

    public SetUpAccess(Transactions transactions, Databases databases, JobQueue jobs, ClusterTargets targets) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.targets = targets;
    }

    @Override
    public void run(Job job) {
        Optional<Database> ready = transactions.inTransaction(() -> ready(job));
        if (ready.isPresent()) {
            Database database = ready.get();
            targets.provisionerFor(database).setUpAccess(database.id(), database.nameOnCluster());
        }
        transactions.inTransaction(() -> {
            if (ready.isPresent()) {
                jobs.succeed(job.id(), job.leaseOwner());
            } else {
                jobs.cancel(
                        job.id(), job.leaseOwner(), "the database is not ready; it gets its access levels when it is");
            }
            return null;
        });
    }

    private Optional<Database> ready(Job job) {
        return databases.find(job.databaseId()).filter(database -> database.status() == DatabaseStatus.READY);
    }

    /** Nothing to record on the database: it stays ready, and the operation says why it failed. */
    @Override
    public void giveUp(Job job, String reason) {}
}
