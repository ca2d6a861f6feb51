package dev.daap.domain.snapshot;

import java.util.Objects;
import java.util.UUID;

/** A snapshot's id (UUID v7); it also names the snapshot's copy on the cluster, see {@link #nameOnCluster()}. */
public record SnapshotId(UUID value) {
    /**
     * Names on a cluster that no user database can have: DAAP's own names are lowercase letters, digits, underscores
     * and hyphens, never a dot, so {@code daap.snapshot.<id>} can never collide with one.
     */
    public static final String PREFIX_ON_CLUSTER = "daap.snapshot.";

    public SnapshotId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical 36-character form only. */
    public static SnapshotId parse(String raw) {
        if (raw == null || raw.length() != 36) {
            throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
        }
        try {
            return new SnapshotId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
        }
    }

    /** The name of the snapshot's database on the cluster: 46 characters, under PostgreSQL's 63. */
    public String nameOnCluster() {
        return PREFIX_ON_CLUSTER + value.toString().replace("-", "");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
