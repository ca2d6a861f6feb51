package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.database.Database;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Clock;

/**
 * Removes every snapshot of a database that leaves its cluster for good: the copies first (their objects belong to
 * the database's role, which PostgreSQL cannot drop while they exist), then, in the caller's transaction, the
 * records. For the job that drops a database (and a purge).
 */
public final class SnapshotsOfDatabase {
    private final Snapshots snapshots;
    private final ClusterTargets targets;
    private final Copiers copiers;
    private final Clusters clusters;
    private final SnapshotEvents events;
    private final Clock clock;

    public SnapshotsOfDatabase(
            Snapshots snapshots,
            ClusterTargets targets,
            Copiers copiers,
            Clusters clusters,
            SnapshotEvents events,
            Clock clock) {
        this.snapshots = snapshots;
        this.targets = targets;
        this.copiers = copiers;
        this.clusters = clusters;
        this.events = events;
        this.clock = clock;
    }

    /** Outside any transaction: drops the copy of each live snapshot from the cluster; idempotent. */
    public void dropCopies(Database database) {
        var live = snapshots.liveOf(database.id());
        if (live.isEmpty() || database.cluster() == null) {
            return;
        }
        Copier copier = copiers.copierFor(targets.target(database.cluster(), "database " + database.id()));
        live.forEach(snapshot -> copier.dropSnapshot(snapshot.id()));
    }

    /** In the caller's transaction: each live snapshot deleted, its size given back to the cluster's storage. */
    public void markDropped(Database database) {
        for (Snapshot snapshot : snapshots.liveOf(database.id())) {
            Snapshot settled = snapshot.status() == SnapshotStatus.CREATING
                    ? snapshot.failed("its database was deleted", clock.instant())
                    : snapshot;
            Snapshot dropping = settled.status() == SnapshotStatus.DELETING
                    ? settled
                    : settled.startDeleting(settled.operationId(), clock.instant());
            Snapshot deleted = dropping.deleted(clock.instant());
            snapshots.update(deleted, snapshot.version());
            if (snapshot.sizeBytes() != null) {
                clusters.changeStorage(snapshot.cluster().id(), -snapshot.sizeBytes());
            }
            events.statusChanged(snapshot, deleted);
        }
    }
}
