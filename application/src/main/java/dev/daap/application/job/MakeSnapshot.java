package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
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
 * The snapshot job: copies the database on its cluster (outside any transaction: the copy takes as long as the
 * database is large), then in one transaction marks the snapshot ready with its size and the time the database was
 * closed to logins, counts its size towards the cluster's storage, appends the event and completes the job. A crash
 * anywhere leaves the job to be taken again; the copier finds the copy it made and opens the database again.
 */
public final class MakeSnapshot implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final Snapshots snapshots;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final Copiers copiers;
    private final Clusters clusters;
    private final SnapshotEvents events;
    private final Clock clock;

    public MakeSnapshot(
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
        Optional<Snapshot> creating = creating(job);
        Optional<Database> database = inPlace(job);
        if (creating.isEmpty() || database.isEmpty()) {
            transactions.inTransaction(() -> {
                giveUp(job, "its database was deleted before the job could run"); // settles the snapshot, if any
                jobs.cancel(job.id(), job.leaseOwner(), "the snapshot is no longer waiting to be made");
                return null;
            });
            return;
        }
        Snapshot snapshot = creating.get();
        Copier copier = copiers.copierFor(targets.target(snapshot.cluster(), "snapshot " + snapshot.id()));
        Copier.Copy copy = copier.snapshot(database.get().id(), database.get().nameOnCluster(), snapshot.id());
        transactions.inTransaction(() -> {
            creating(job).ifPresent(current -> {
                Snapshot made = current.made(copy.sizeBytes(), copy.unavailable(), clock.instant());
                snapshots.update(made, current.version());
                clusters.changeStorage(current.cluster().id(), copy.sizeBytes());
                events.statusChanged(current, made);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<Snapshot> creating(Job job) {
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
        creating(job).ifPresent(current -> {
            Snapshot failed = current.failed(reason, clock.instant());
            snapshots.update(failed, current.version());
            events.statusChanged(current, failed);
        });
    }
}
