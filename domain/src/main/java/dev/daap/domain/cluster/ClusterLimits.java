package dev.daap.domain.cluster;

/**
 * How much a cluster may hold; a null limit is no limit.
 *
 * @param maxDatabases    live databases at most (pending, failed and deleting ones count)
 * @param maxStorageBytes placement stops once the databases' measured size reaches this
 */
public record ClusterLimits(Long maxDatabases, Long maxStorageBytes) {
    public static final ClusterLimits NONE = new ClusterLimits(null, null);

    public ClusterLimits {
        if (maxDatabases != null && maxDatabases < 0) {
            throw new IllegalArgumentException("max_databases must not be negative");
        }
        if (maxStorageBytes != null && maxStorageBytes < 0) {
            throw new IllegalArgumentException("max_storage_bytes must not be negative");
        }
    }

    /** {@code value}, read as a database limit: a whole number from 0, or null for none. */
    public static Long checkedMaxDatabases(Long value) {
        if (value != null && (value < 0 || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("must be a whole number from 0 to " + Integer.MAX_VALUE + ", or null");
        }
        return value;
    }

    /** {@code value}, read as a storage limit in bytes: a whole number from 0, or null for none. */
    public static Long checkedMaxStorageBytes(Long value) {
        if (value != null && value < 0) {
            throw new IllegalArgumentException("must be a whole number of bytes from 0, or null");
        }
        return value;
    }
}
