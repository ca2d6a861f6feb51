package dev.daap.bootstrap.observability;

import dev.daap.application.cluster.ProbeOutcome;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.Clusters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The fleet, one series per cluster ({@code cluster} = its name): whether it is up, its databases, their storage,
 * and how long its probes take. The first three are read from the clusters table after each of this instance's
 * probe ticks, so every instance reports the whole fleet, whichever probed; a cluster that is deleted loses its
 * series at the next tick. The probe durations are those this instance's probes took.
 */
public final class ClusterMetrics {
    private static final Duration[] PROBE_BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(200),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };
    private final MeterRegistry registry;
    private final Clusters clusters;
    private final MultiGauge up;
    private final MultiGauge databases;
    private final MultiGauge storage;

    public ClusterMetrics(MeterRegistry registry, Clusters clusters) {
        this.registry = registry;
        this.clusters = clusters;
        this.up = MultiGauge.builder("daap.cluster.up")
                .description("1 when the cluster's health is up, 0 when it is down or not yet known")
                .register(registry);
        this.databases = MultiGauge.builder("daap.cluster.databases")
                .description("The cluster's live databases, as placement counts them")
                .register(registry);
        this.storage = MultiGauge.builder("daap.cluster.storage")
                .description("What the cluster's DAAP databases take on disk, as last measured by the probe")
                .baseUnit("bytes")
                .register(registry);
    }

    /**
     * After a probe tick: the fleet as stored now, then what this instance's probes took. In that order, a scrape
     * that shows a probe's duration shows the fleet it left too (the other order let a scrape between the two see a
     * probe of a cluster with no {@code daap_cluster_up} series yet: ObservabilityEndToEndTest, 2026-12-03, load 13).
     */
    public void afterRound(List<ProbeOutcome> outcomes) {
        List<Cluster> fleet = clusters.list();
        up.register(rows(fleet, cluster -> cluster.health().isUp() ? 1 : 0), true);
        databases.register(rows(fleet, cluster -> cluster.fill().databaseCount()), true);
        storage.register(rows(fleet, cluster -> cluster.fill().storageBytes()), true);
        for (ProbeOutcome outcome : outcomes) {
            Timer.builder("daap.cluster.probe.duration")
                    .description("A probe of a cluster, connecting included; a failed one costs up to its timeout")
                    .tag("cluster", outcome.cluster().value())
                    .tag("outcome", outcome.after().isUp() ? "answered" : "failed")
                    .serviceLevelObjectives(PROBE_BUCKETS)
                    .register(registry)
                    .record(outcome.took());
        }
    }

    /** Each row holds its reading: the gauge shows the fleet as it was at the tick, not a live query per scrape. */
    private static List<MultiGauge.Row<?>> rows(List<Cluster> fleet, ToDoubleFunction<Cluster> value) {
        return fleet.stream()
                .<MultiGauge.Row<?>>map(cluster ->
                        MultiGauge.Row.of(Tags.of("cluster", cluster.name().value()), value.applyAsDouble(cluster)))
                .toList();
    }
}
