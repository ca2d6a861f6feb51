package dev.daap.application.snapshot;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.SnapshotLimitException;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;

/**
 * How many snapshots a database may keep ({@code DAAP_SNAPSHOTS_PER_DATABASE}). One being deleted no longer counts,
 * so a client may delete one and take the next at once.
 */
public record SnapshotLimit(int perDatabase) {
    public static final int DEFAULT = 10;

    public SnapshotLimit {
        if (perDatabase < 1) {
            throw new IllegalArgumentException("a database may keep at least 1 snapshot");
        }
    }

    /** Takes the database's snapshot lock (until commit) and refuses a new snapshot past the limit. */
    void requireRoom(Snapshots snapshots, DatabaseId database, String why) {
        snapshots.lockSnapshotsOf(database);
        long kept = snapshots.liveOf(database).stream()
                .filter(snapshot -> snapshot.status() != SnapshotStatus.DELETING)
                .count();
        if (kept >= perDatabase) {
            throw new SnapshotLimitException(perDatabase, why);
        }
    }
}
