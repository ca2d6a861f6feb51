package dev.daap.domain.snapshot;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import java.time.Duration;

/**
 * Copies databases within one cluster (see {@link Copiers}): snapshots, restores and clones. Every method is
 * idempotent and checks the cluster's catalog before it acts, so a retry after a crash at any point converges; a
 * database whose logins were blocked for a copy has them back when a method returns or throws, or, after a crash,
 * when the method is called again. Failures are {@code ProvisioningException}s without secrets.
 */
public interface Copier {

    /** What making a copy found. @param unavailable how long the source refused logins for it (zero: none) */
    record Copy(long sizeBytes, Duration unavailable) {}

    /**
     * Makes the snapshot {@code snapshot} of the database {@code name} that DAAP made for {@code id}: blocks new
     * logins to it, ends its sessions, copies it ({@code CREATE DATABASE … TEMPLATE}), and allows logins again.
     */
    Copy snapshot(DatabaseId id, NameOnCluster name, SnapshotId snapshot);

    /** Drops the snapshot's copy; nothing for one already gone. */
    void dropSnapshot(SnapshotId snapshot);

    /**
     * Puts the database {@code name} of {@code id} back to the snapshot {@code from}: blocks logins, ends sessions,
     * keeps its present contents as the snapshot {@code replaced} (a rename, not a copy), copies {@code from} under
     * the database's name, owned by its role as before, and allows logins again. Returns what {@code replaced} holds.
     */
    Copy restore(DatabaseId id, NameOnCluster name, SnapshotId from, SnapshotId replaced);

    /**
     * Makes the clone {@code id}: a role and database {@code name} as {@code Provisioner.provision} makes them, whose
     * contents are a copy of the database {@code sourceName} of {@code sourceId} (then briefly closed to logins, as
     * for a snapshot) or of its snapshot {@code snapshot}; everything in the copy that the source's role owned
     * becomes the clone's role's.
     */
    ConnectionDetails clone(
            DatabaseId id,
            NameOnCluster name,
            String password,
            DatabaseId sourceId,
            NameOnCluster sourceName,
            java.util.Optional<SnapshotId> snapshot);
}
