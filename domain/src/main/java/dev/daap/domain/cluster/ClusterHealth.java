package dev.daap.domain.cluster;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What DAAP last saw of a cluster. Measured, not configured: it changes without the cluster's version.
 *
 * @param checkedAt              when it was last checked; null before the first check
 * @param serverVersion          e.g. {@code 17.6}; null until a check succeeded
 * @param latencyMs              how long the last successful check took
 * @param connections            sessions open on the cluster at the last check
 * @param maxConnections         the cluster's {@code max_connections}
 * @param error                  why the last check failed, in words without secrets; null after a success
 * @param consecutiveFailures    failed checks in a row since the last success
 * @param publicConnectDatabases databases DAAP did not make that still let PUBLIC connect
 */
public record ClusterHealth(
        HealthStatus status,
        Instant checkedAt,
        String serverVersion,
        Integer latencyMs,
        Integer connections,
        Integer maxConnections,
        String error,
        int consecutiveFailures,
        List<String> publicConnectDatabases) {

    /** A cluster nobody has checked yet. */
    public static final ClusterHealth UNKNOWN =
            new ClusterHealth(HealthStatus.UNKNOWN, null, null, null, null, null, null, 0, List.of());

    public ClusterHealth {
        Objects.requireNonNull(status, "status");
        checkedAt = checkedAt == null ? null : checkedAt.truncatedTo(ChronoUnit.MICROS);
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
        publicConnectDatabases = publicConnectDatabases == null ? List.of() : List.copyOf(publicConnectDatabases);
    }

    /** A check that just succeeded, as the one that registration makes. */
    public static ClusterHealth up(Instant checkedAt, String serverVersion, int latencyMs) {
        return new ClusterHealth(HealthStatus.UP, checkedAt, serverVersion, latencyMs, null, null, null, 0, List.of());
    }

    public boolean isUp() {
        return status == HealthStatus.UP;
    }
}
