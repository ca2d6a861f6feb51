package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Clock;
import java.util.Optional;

/**
 * The job that deletes a snapshot: drops its copy from the cluster, then in one transaction marks it deleted, gives
 * its size back to the cluster's storage, appends the event and completes the job.
 */
public final class DropSnapshot implements JobHandler {
    private final Transactions transactions;
    private final Snapshots snapshots;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final Copiers copiers;
    private final Clusters clusters;
    private final SnapshotEvents events;
    private final Clock clock;

    public DropSnapshot(
            Transactions transactions,
            Snapshots snapshots,
            JobQueue jobs,
            ClusterTargets targets,
            Copiers copiers,
            Clusters clusters,
            SnapshotEvents events,
            Clock clock) {
        this.transactions = transactions;
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
        Optional<Snapshot> deleting = deleting(job);
        if (deleting.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the snapshot is not being deleted");
                return null;
            });
            return;
        }
        Snapshot snapshot = deleting.get();
        copiers.copierFor(targets.target(snapshot.cluster(), "snapshot " + snapshot.id()))
                .dropSnapshot(snapshot.id());
        transactions.inTransaction(() -> {
            deleting(job).ifPresent(current -> {
                Snapshot deleted = current.deleted(clock.instant());
                snapshots.update(deleted, current.version());
                if (current.sizeBytes() != null) {
                    clusters.changeStorage(current.cluster().id(), -current.sizeBytes());
                }
                events.statusChanged(current, deleted);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<Snapshot> deleting(Job job) {
        return snapshots.findByOperation(job.id()).filter(snapshot -> snapshot.status() == SnapshotStatus.DELETING);
    }

    @Override
    public void giveUp(Job job, String reason) {
        deleting(job).ifPresent(current -> {
            Snapshot failed = current.failed(reason, clock.instant());
            snapshots.update(failed, current.version());
            events.statusChanged(current, failed);
        });
    }
}
