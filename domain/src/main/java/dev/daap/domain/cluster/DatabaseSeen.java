package dev.daap.domain.cluster;

import java.util.Objects;

/**
 * A database DAAP made on a cluster (one of its databases, a parked deleted one, a snapshot copy), as a probe saw it.
 *
 * @param name        its name on the cluster
 * @param measured    whether this probe measured it (it was in the probe's {@link SizeSlice})
 * @param sizeBytes   its size on disk when measured; null when not measured, or when the admin may not read it
 * @param connections the client sessions open on it when it was measured; null when not measured or not read
 */
public record DatabaseSeen(String name, boolean measured, Long sizeBytes, Integer connections) {
    public DatabaseSeen {
        Objects.requireNonNull(name, "name");
        if (sizeBytes != null && (!measured || sizeBytes < 0)) {
            throw new IllegalArgumentException("a size is a number of bytes from 0, of a measured database");
        }
        if (connections != null && (!measured || connections < 0)) {
            throw new IllegalArgumentException("connections are a number from 0, of a measured database");
        }
    }

    public static DatabaseSeen notMeasured(String name) {
        return new DatabaseSeen(name, false, null, null);
    }

    public static DatabaseSeen measured(String name, Long sizeBytes) {
        return new DatabaseSeen(name, true, sizeBytes, null);
    }

    public static DatabaseSeen measured(String name, Long sizeBytes, Integer connections) {
        return new DatabaseSeen(name, true, sizeBytes, connections);
    }
}
