package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The deactivate job of a deletion: takes the database out of use on its cluster and parks it there with its data
 * (outside any transaction), then, in one transaction, marks it {@code deleted}, restorable for the restore window,
 * and completes the job. A crash anywhere leaves the job to be taken again, and the provisioner's steps converge.
 * The credentials and the place on the cluster stay: the data is still there, and a restore gives it back.
 */
public final class DeactivateDatabase implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final DatabaseEvents events;
    private final ClusterTargets targets;
    private final ClonesInFlight clones;
    private final Duration restoreWindow;
    private final Clock clock;

    public DeactivateDatabase(
            Transactions transactions,
            Databases databases,
            JobQueue jobs,
            EventLog events,
            ClusterTargets targets,
            ClonesInFlight clones,
            Duration restoreWindow,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.events = new DatabaseEvents(events, clock);
        this.targets = targets;
        this.clones = clones;
        this.restoreWindow = restoreWindow;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Database> deleting = deleting(job);
        if (deleting.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the database is not being deleted");
                return null;
            });
            return;
        }
        Database target = deleting.get();
        if (clones.of(target.id())) {
            waitForClones(job, target);
            return;
        }
        targets.provisionerFor(target).deactivate(target.id(), target.nameOnCluster());
        transactions.inTransaction(() -> {
            deleting(job).ifPresent(database -> {
                var now = clock.instant();
                Database deleted = database.deleted(now, now.plus(restoreWindow));
                databases.update(deleted, database.version());
                events.statusChanged(database, deleted);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    /** Looks again shortly, without using up an attempt (see {@link ClonesInFlight}). */
    private void waitForClones(Job job, Database target) {
        transactions.inTransaction(() -> {
            jobs.postpone(
                    job.id(),
                    job.leaseOwner(),
                    "waits for a clone being copied from this database",
                    clock.instant().plus(ClonesInFlight.WAIT),
                    target.cluster().id());
            return null;
        });
    }

    private Optional<Database> deleting(Job job) {
        return databases.find(job.databaseId()).filter(database -> database.status() == DatabaseStatus.DELETING);
    }

    @Override
    public void giveUp(Job job, String reason) {
        deleting(job).ifPresent(database -> {
            Database failed = database.failed(reason, clock.instant());
            databases.update(failed, database.version());
            events.statusChanged(database, failed);
        });
    }
}
