package dev.daap.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterHealthTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final ProbeReading READING = new ProbeReading(
            "17.6",
            12,
            100,
            List.of(DatabaseSeen.measured("checkout_orders", 8_000_000L)),
            List.of("template1"),
            Duration.ofMillis(37));

    @Test
    void aReadingMakesAClusterUpWithWhatItRead() {
        ClusterHealth up = ClusterHealth.UNKNOWN.afterReading(READING, T0);

        assertThat(up)
                .isEqualTo(new ClusterHealth(HealthStatus.UP, T0, "17.6", 37, 12, 100, null, 0, List.of("template1")));
    }

    @Test
    void aClusterIsDownAfterTheGivenNumberOfFailuresInARowAndUpAgainAfterOneReading() {
        ClusterHealth health = ClusterHealth.UNKNOWN.afterReading(READING, T0);

        health = health.afterFailure("connection refused", T0.plusSeconds(15), 3);
        assertThat(health.status()).isEqualTo(HealthStatus.UP);
        health = health.afterFailure("connection refused", T0.plusSeconds(30), 3);
        assertThat(health.status()).as("two lost probes are no outage yet").isEqualTo(HealthStatus.UP);
        health = health.afterFailure("connection refused", T0.plusSeconds(45), 3);

        assertThat(health.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(health.consecutiveFailures()).isEqualTo(3);
        assertThat(health.error()).isEqualTo("connection refused");
        assertThat(health.checkedAt()).isEqualTo(T0.plusSeconds(45));
        assertThat(health.serverVersion())
                .as("what the last reading saw is kept")
                .isEqualTo("17.6");
        assertThat(health.latencyMs()).isEqualTo(37);

        ClusterHealth again = health.afterReading(READING, T0.plusSeconds(60));
        assertThat(again.status()).isEqualTo(HealthStatus.UP);
        assertThat(again.consecutiveFailures()).isZero();
        assertThat(again.error()).isNull();
    }

    @Test
    void aClusterNeverSeenStaysUnknownUntilItIsDown() {
        ClusterHealth health = ClusterHealth.UNKNOWN.afterFailure("timeout", T0, 2);
        assertThat(health.status()).isEqualTo(HealthStatus.UNKNOWN);

        assertThat(health.afterFailure("timeout", T0, 2).status()).isEqualTo(HealthStatus.DOWN);
    }
}
