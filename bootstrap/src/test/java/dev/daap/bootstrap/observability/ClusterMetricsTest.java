package dev.daap.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.application.cluster.ProbeOutcome;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.testing.TestFleet;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One series per cluster, in Prometheus's names, following the fleet as it changes between ticks. */
class ClusterMetricsTest {
    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private final TestFleet fleet = new TestFleet(List::of);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ClusterMetrics metrics = new ClusterMetrics(registry, fleet.clusters);

    @Test
    void eachClusterHasItsHealthDatabasesStorageAndProbeDurations() {
        Cluster eu = fleet.register("eu-1", ClusterSettings.DEFAULTS);
        Cluster us = fleet.register("us-1", ClusterSettings.DEFAULTS);
        fleet.clusters.takePlace(PlacementRequest.on(eu.name()));
        fleet.clusters.takePlace(PlacementRequest.on(eu.name()));
        fleet.clusters.recordStorage(eu.id(), 7_340_032);
        ClusterHealth down = us.health().afterFailure("connection refused", NOW, 1);
        fleet.clusters.recordHealth(us.id(), down);

        metrics.afterRound(List.of(
                new ProbeOutcome(eu.name(), eu.health(), eu.health(), Duration.ofMillis(12)),
                new ProbeOutcome(us.name(), us.health(), down, Duration.ofSeconds(5))));

        assertThat(registry.scrape())
                .contains("daap_cluster_up{cluster=\"eu-1\"} 1.0")
                .contains("daap_cluster_up{cluster=\"us-1\"} 0.0")
                .contains("daap_cluster_databases{cluster=\"eu-1\"} 2.0")
                .contains("daap_cluster_databases{cluster=\"us-1\"} 0.0")
                .contains("daap_cluster_storage_bytes{cluster=\"eu-1\"} 7340032.0")
                .contains("daap_cluster_probe_duration_seconds_count{cluster=\"eu-1\",outcome=\"answered\"} 1")
                .contains("daap_cluster_probe_duration_seconds_sum{cluster=\"eu-1\",outcome=\"answered\"} 0.012")
                .contains(
                        "daap_cluster_probe_duration_seconds_bucket{cluster=\"eu-1\",outcome=\"answered\",le=\"0.025\"} 1")
                .contains("daap_cluster_probe_duration_seconds_count{cluster=\"us-1\",outcome=\"failed\"} 1");
    }

    @Test
    void theNextTickShowsTheFleetAsItIsThen() {
        Cluster eu = fleet.register("eu-1", ClusterSettings.DEFAULTS);
        Cluster us = fleet.register("us-1", ClusterSettings.DEFAULTS);
        metrics.afterRound(List.of());
        assertThat(registry.scrape()).contains("daap_cluster_databases{cluster=\"eu-1\"} 0.0");

        fleet.clusters.takePlace(PlacementRequest.on(eu.name()));
        fleet.clusters.update(us.deleted(NOW), us.version());
        metrics.afterRound(List.of()); // a tick with nothing due still reads the fleet

        assertThat(registry.scrape())
                .contains("daap_cluster_databases{cluster=\"eu-1\"} 1.0")
                .doesNotContain("cluster=\"us-1\"");
    }
}
