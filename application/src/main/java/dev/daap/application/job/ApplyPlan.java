package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.provisioning.Provisioner;
import java.util.Optional;

/**
 * The job a plan change or a crossed storage limit queues: applies the plan and quota state the database has when
 * the job runs on its cluster, outside any transaction, then completes: the plan's connection limit, and read-only
 * while it is {@code over_storage}, writable otherwise (see {@link
 * dev.daap.domain.provisioning.Provisioner#applyReadOnly}, which ends the open sessions only when it changed the
 * setting, so a plan change ends none). A database that is not ready needs none: one being provisioned gets its
 * plan's limit at the end of provisioning; a failed one when it is retried. The provisioner's statements converge, so
 * a crash anywhere only leaves the job to be taken again, and two changes in a row end with the last.
 */
public final class ApplyPlan implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final Plans plans;
    private final JobQueue jobs;
    private final ClusterTargets targets;

    public ApplyPlan(
            Transactions transactions, Databases databases, Plans plans, JobQueue jobs, ClusterTargets targets) {
        this.transactions = transactions;
        this.databases = databases;
        this.plans = plans;
        this.jobs = jobs;
        this.targets = targets;
    }

    private record Target(Database database, Plan plan) {}

    @Override
    public void run(Job job) {
        Optional<Target> target = transactions.inTransaction(() -> databases
                .find(job.databaseId())
                .filter(database -> database.status() == DatabaseStatus.READY)
                .flatMap(database -> plans.find(database.plan()).map(plan -> new Target(database, plan))));
        target.ifPresent(found -> {
            Database database = found.database();
            Provisioner provisioner = targets.provisionerFor(database);
            provisioner.limitConnections(
                    database.id(), database.nameOnCluster(), found.plan().maxConnections());
            provisioner.applyReadOnly(
                    database.id(), database.nameOnCluster(), database.quotaState() == QuotaState.OVER_STORAGE);
        });
        transactions.inTransaction(() -> {
            if (target.isPresent()) {
                jobs.succeed(job.id(), job.leaseOwner());
            } else {
                jobs.cancel(job.id(), job.leaseOwner(), "the database is not ready; it gets its plan when it is");
            }
            return null;
        });
    }

    /** Nothing to record on the database: it stays ready, and the operation says why it failed. */
    @Override
    public void giveUp(Job job, String reason) {}
}
