package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Clock;
import java.util.Optional;

/**
 * The restore job: on the cluster, keeps the database's contents as the new snapshot and copies the restored one
 * under the database's name (see {@link Copier#restore}); then, in one transaction, marks the new snapshot ready,
 * counts its size towards the cluster's storage, appends the event and completes the job. The database's record,
 * name and credentials do not change.
 */
public final class RestoreFromSnapshot implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final Snapshots snapshots;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final Copiers copiers;
    private final Clusters clusters;
    private final SnapshotEvents events;
    private final Clock clock;

    public RestoreFromSnapshot(
            Transactions transactions,
            Databases databases,
            Snapshots snapshots,
            JobQueue jobs,
            ClusterTargets targets,
            Copiers copiers,
            Clusters clusters,
            SnapshotEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.targets = targets;
        this.copiers = copiers;
        this.clusters = clusters;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Snapshot> replacing = replacing(job);
        Optional<Database> database = inPlace(job);
        if (replacing.isEmpty() || database.isEmpty()) {
            transactions.inTransaction(() -> {
                giveUp(job, "its database was deleted before the job could run"); // settles the snapshot, if any
                jobs.cancel(job.id(), job.leaseOwner(), "the restore has nothing left to do");
                return null;
            });
            return;
        }
        Snapshot kept = replacing.get();
        Copier copier = copiers.copierFor(targets.target(kept.cluster(), "snapshot " + kept.id()));
        Database restored = database.get();
        Copier.Copy copy = copier.restore(restored.id(), restored.nameOnCluster(), kept.restoreOf(), kept.id());
        // The copy put in place is a new database on the cluster, without the read-only setting of one over its
        // storage limit: given again here (a crossing meanwhile queued an apply_plan job, which runs after this one).
        targets.provisionerFor(restored)
                .applyReadOnly(
                        restored.id(), restored.nameOnCluster(), restored.quotaState() == QuotaState.OVER_STORAGE);
        transactions.inTransaction(() -> {
            replacing(job).ifPresent(current -> {
                Snapshot made = current.made(copy.sizeBytes(), copy.unavailable(), clock.instant());
                snapshots.update(made, current.version());
                clusters.changeStorage(current.cluster().id(), copy.sizeBytes());
                events.statusChanged(current, made);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    /** The snapshot that is to keep the contents the restore replaces, while it is being made. */
    private Optional<Snapshot> replacing(Job job) {
        return snapshots.findByOperation(job.id()).filter(snapshot -> snapshot.status() == SnapshotStatus.CREATING);
    }

    /**
     * Its database, while it is on its cluster under its own name: not once a deletion parked it (deleted, purging,
     * purged) or while a restore of the deletion brings it back. A delete that came after the request leaves this
     * job before the deactivation in the queue (jobs of a database run oldest first), so it runs on the database as
     * it was.
     */
    private Optional<Database> inPlace(Job job) {
        return databases.find(job.databaseId()).filter(database -> database.status() != DatabaseStatus.RESTORING);
    }

    @Override
    public void giveUp(Job job, String reason) {
        replacing(job).ifPresent(current -> {
            Snapshot failed = current.failed(reason, clock.instant());
            snapshots.update(failed, current.version());
            events.statusChanged(current, failed);
        });
    }
}
