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

    public boolean isDown() {
        return status == HealthStatus.DOWN;
    }

    /** After a probe that got {@code reading}: up, whatever came before, with what it read. */
    public ClusterHealth afterReading(ProbeReading reading, Instant at) {
        return new ClusterHealth(
                HealthStatus.UP,
                at,
                reading.serverVersion(),
                reading.latencyMs(),
                reading.connections(),
                reading.maxConnections(),
                null,
                0,
                reading.publicConnectDatabases());
    }

    /**
     * After a probe that got no reading: one failure more, and down once {@code downAfter} failed in a row; until
     * then the status stays what it was (a single lost probe is no outage). What the last reading saw is kept.
     */
    public ClusterHealth afterFailure(String why, Instant at, int downAfter) {
        if (downAfter < 1) {
            throw new IllegalArgumentException("downAfter must be at least 1");
        }
        int failures = consecutiveFailures == Integer.MAX_VALUE ? consecutiveFailures : consecutiveFailures + 1;
        return new ClusterHealth(
                failures >= downAfter ? HealthStatus.DOWN : status,
                at,
                serverVersion,
                latencyMs,
                connections,
                maxConnections,
                Objects.requireNonNull(why, "why"),
                failures,
                publicConnectDatabases);
    }
}
