package dev.daap.application.snapshot;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.SnapshotNotFoundException;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.Snapshots;

/** Finds a live snapshot of a database the caller was already allowed to see; any other is "not found". */
final class SnapshotAccess {
    private SnapshotAccess() {}

    static Snapshot find(Snapshots snapshots, DatabaseId database, SnapshotId id) {
        return snapshots
                .find(id)
                .filter(snapshot -> snapshot.isLive() && snapshot.databaseId().equals(database))
                .orElseThrow(() -> new SnapshotNotFoundException(id.toString()));
    }
}
