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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
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
    /** Each cluster's row as of the last tick, by name: the gauges read it, so a tick never re-registers them. */
    private final Map<String, AtomicReference<Cluster>> lastRead = new ConcurrentHashMap<>();

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
     * that shows a probe's duration shows the fleet it left too. The gauges of a known cluster stay registered and
     * read its latest row: re-registering them on every tick (overwrite) left a moment without the series, which a
     * scrape caught (ObservabilityEndToEndTest, 2026-12-03, twice at load 4-13). Only a new cluster's series are
     * added, and a deleted one's removed.
     */
    public void afterRound(List<ProbeOutcome> outcomes) {
        List<Cluster> fleet = clusters.list();
        fleet.forEach(cluster -> lastRead.computeIfAbsent(cluster.name().value(), name -> new AtomicReference<>())
                .set(cluster));
        up.register(rows(fleet, cluster -> cluster.health().isUp() ? 1 : 0), false);
        databases.register(rows(fleet, cluster -> cluster.fill().databaseCount()), false);
        storage.register(rows(fleet, cluster -> cluster.fill().storageBytes()), false);
        lastRead.keySet()
                .retainAll(fleet.stream().map(cluster -> cluster.name().value()).toList());
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

    /** Each row reads its cluster's last row: the gauge shows the fleet as of the tick, not a query per scrape. */
    private List<MultiGauge.Row<?>> rows(List<Cluster> fleet, ToDoubleFunction<Cluster> value) {
        return fleet.stream()
                .<MultiGauge.Row<?>>map(cluster -> MultiGauge.Row.of(
                        Tags.of("cluster", cluster.name().value()),
                        lastRead.get(cluster.name().value()),
                        latest -> value.applyAsDouble(latest.get())))
                .toList();
    }
}
