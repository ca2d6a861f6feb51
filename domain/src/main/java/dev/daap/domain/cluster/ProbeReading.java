package dev.daap.domain.cluster;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one probe read of a cluster.
 *
 * @param serverVersion          e.g. {@code 17.6}
 * @param connections            client sessions open on the cluster
 * @param maxConnections         its {@code max_connections}
 * @param databaseSizes          the size in bytes of every database DAAP made there, by its name on the cluster;
 *                               empty when they were not measured
 * @param publicConnectDatabases databases DAAP did not make that still let PUBLIC connect, by name
 * @param took                   how long connecting and the query took: the probe's latency
 * @param sizesMeasured          false when measuring the sizes took longer than the probe may: the cluster
 *                               answered all the same, and its fill stays as last measured
 */
public record ProbeReading(
        String serverVersion,
        int connections,
        int maxConnections,
        Map<String, Long> databaseSizes,
        List<String> publicConnectDatabases,
        Duration took,
        boolean sizesMeasured) {

    public ProbeReading {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(took, "took");
        databaseSizes = Collections.unmodifiableMap(new LinkedHashMap<>(databaseSizes));
        databaseSizes.values().forEach(size -> {
            if (size == null || size < 0) {
                throw new IllegalArgumentException("a database's size is a number of bytes from 0");
            }
        });
        publicConnectDatabases = List.copyOf(publicConnectDatabases);
        if (!sizesMeasured && !databaseSizes.isEmpty()) {
            throw new IllegalArgumentException("sizes that were not measured cannot be given");
        }
    }

    /** A reading with every size measured. */
    public ProbeReading(
            String serverVersion,
            int connections,
            int maxConnections,
            Map<String, Long> databaseSizes,
            List<String> publicConnectDatabases,
            Duration took) {
        this(serverVersion, connections, maxConnections, databaseSizes, publicConnectDatabases, took, true);
    }

    /** What DAAP's databases on the cluster take on disk together. */
    public long storageBytes() {
        return databaseSizes.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latency in whole milliseconds, as the health keeps it. */
    public int latencyMs() {
        return (int) Math.min(Integer.MAX_VALUE, took.toMillis());
    }
}
