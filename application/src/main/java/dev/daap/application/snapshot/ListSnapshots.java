package dev.daap.application.snapshot;

import dev.daap.application.database.DatabaseAccess;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.Snapshots;
import java.util.List;

/** Reads a database's live snapshots, all of them (a handful at most) or one; viewers may. */
public final class ListSnapshots {
    private final Databases databases;
    private final Snapshots snapshots;

    public ListSnapshots(Databases databases, Snapshots snapshots) {
        this.databases = databases;
        this.snapshots = snapshots;
    }

    /** Newest first. */
    public List<Snapshot> all(Principal principal, DatabaseId database) {
        DatabaseAccess.findAny(databases, principal, database, Role.VIEWER); // a deleted one keeps them
        return snapshots.liveOf(database);
    }

    public Snapshot one(Principal principal, DatabaseId database, SnapshotId id) {
        DatabaseAccess.findAny(databases, principal, database, Role.VIEWER); // a deleted one keeps them
        return SnapshotAccess.find(snapshots, database, id);
    }
}
