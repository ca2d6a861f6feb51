package dev.daap.domain.cluster;

import java.time.Duration;
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
 * @param databases              every database DAAP made there, by name, the measured ones with their size
 * @param publicConnectDatabases databases DAAP did not make that still let PUBLIC connect, by name
 * @param took                   how long connecting and the query took: the probe's latency
 * @param sizesMeasured          false when measuring the slice's sizes took longer than the probe may: the cluster
 *                               answered all the same, and its fill stays as last measured
 */
public record ProbeReading(
        String serverVersion,
        int connections,
        int maxConnections,
        List<DatabaseSeen> databases,
        List<String> publicConnectDatabases,
        Duration took,
        boolean sizesMeasured) {

    public ProbeReading {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(took, "took");
        databases = List.copyOf(databases);
        publicConnectDatabases = List.copyOf(publicConnectDatabases);
        if (!sizesMeasured && databases.stream().anyMatch(DatabaseSeen::measured)) {
            throw new IllegalArgumentException("sizes that were not measured cannot be given");
        }
    }

    /** A reading whose sizes were measured, with DAAP's databases on the cluster as {@code databases}. */
    public ProbeReading(
            String serverVersion,
            int connections,
            int maxConnections,
            List<DatabaseSeen> databases,
            List<String> publicConnectDatabases,
            Duration took) {
        this(serverVersion, connections, maxConnections, databases, publicConnectDatabases, took, true);
    }

    /** The sizes this probe measured, by name on the cluster (sizes the admin may not read left out). */
    public Map<String, Long> databaseSizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        databases.stream()
                .filter(database -> database.sizeBytes() != null)
                .forEach(database -> sizes.put(database.name(), database.sizeBytes()));
        return sizes;
    }

    /** The latency in whole milliseconds, as the health keeps it. */
    public int latencyMs() {
        return (int) Math.min(Integer.MAX_VALUE, took.toMillis());
    }
}
