package dev.daap.domain.cluster;

/**
 * How full a cluster is: its live databases (counted by DAAP as it places and removes them) and their size on
 * disk (measured by the probe).
 */
public record ClusterFill(long databaseCount, long storageBytes) {
    public static final ClusterFill EMPTY = new ClusterFill(0, 0);

    public ClusterFill {
        if (databaseCount < 0 || storageBytes < 0) {
            throw new IllegalArgumentException("a cluster's fill is never negative");
        }
    }

    /**
     * The larger of the database and storage fractions of {@code limits} (0 for no limit): 1 or more is full.
     */
    public double fraction(ClusterLimits limits) {
        return Math.max(
                fraction(databaseCount, limits.maxDatabases()), fraction(storageBytes, limits.maxStorageBytes()));
    }

    public boolean hasRoomForADatabase(ClusterLimits limits) {
        return limits.maxDatabases() == null || databaseCount < limits.maxDatabases();
    }

    public boolean hasStorageLeft(ClusterLimits limits) {
        return limits.maxStorageBytes() == null || storageBytes < limits.maxStorageBytes();
    }

    private static double fraction(long used, Long limit) {
        if (limit == null) {
            return 0;
        }
        return limit == 0 ? Double.POSITIVE_INFINITY : (double) used / limit;
    }
}
