package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.cluster.PostgresClusterProbe;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.cluster.ProbeOutcome;
import dev.daap.application.cluster.RegisterClusterCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterProbe;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.migrations.Migrator;
import dev.daap.testing.FakeClusterIsolation;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/**
 * Two instances of DAAP on one metadata database, their probe tasks running at the same moments, as two servers'
 * timers may: each cluster is probed once per interval, by one of them.
 */
class ProbeInstancesTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private static final TestPostgres postgres = TestPostgres.shared();
    private static final int CLUSTERS = 4;
    private static final int TICKS = 10;

    @Test
    void twoProbeTasksRacingProbeEachClusterOncePerInterval() throws Exception {
        var metadata = postgres.dataSource(postgres.createDatabase("probe_instances"));
        new Migrator(metadata, "daap").up();
        DSLContext dsl = JooqFactory.create(metadata, "daap");
        var config = DaapConfig.fromEnvironment(Map.of());
        var clock = TestClock.at(Instant.now());
        var probes = new AtomicInteger();
        var side = new Wiring.ClusterSide(
                counting(new PostgresClusterProbe(Duration.ofSeconds(5)), probes), new FakeClusterIsolation());
        var cipher = new CredentialCipher(new byte[32]);
        List<Wiring> instances = List.of(
                new Wiring(dsl, config, cipher, new PostgresProvisioners(), side, clock),
                new Wiring(dsl, config, cipher, new PostgresProvisioners(), side, clock));
        for (int i = 0; i < CLUSTERS; i++) {
            instances
                    .getFirst()
                    .clusterUseCases()
                    .register()
                    .execute(
                            ADMIN,
                            new RegisterClusterCommand(new ClusterName("pg-" + i), admin(), ClusterSettings.DEFAULTS));
        }
        var bothReady = new CyclicBarrier(2, () -> clock.advance(config.probes().interval()));
        List<Map<String, Integer>> probedPerTick = new ArrayList<>();
        for (int tick = 0; tick < TICKS; tick++) {
            probedPerTick.add(new HashMap<>());
        }

        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<?>> running = new ArrayList<>();
            for (Wiring instance : instances) {
                var task = instance.probeClusters();
                running.add(threads.submit(() -> {
                    for (int tick = 0; tick < TICKS; tick++) {
                        bothReady.await(30, TimeUnit.SECONDS); // the clock moves one interval, then both go
                        List<ProbeOutcome> outcomes = task.runRound();
                        Map<String, Integer> probed = probedPerTick.get(tick);
                        synchronized (probed) {
                            outcomes.forEach(
                                    outcome -> probed.merge(outcome.cluster().value(), 1, Integer::sum));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> instance : running) {
                instance.get(120, TimeUnit.SECONDS);
            }
        }

        for (int tick = 0; tick < TICKS; tick++) {
            assertThat(probedPerTick.get(tick))
                    .as("tick " + tick)
                    .hasSize(CLUSTERS)
                    .allSatisfy(
                            (cluster, times) -> assertThat(times).as(cluster).isEqualTo(1));
        }
        assertThat(probes.get()).isEqualTo(CLUSTERS * TICKS);
    }

    private static ClusterProbe counting(ClusterProbe probe, AtomicInteger calls) {
        return (adminUrl, slice) -> {
            calls.incrementAndGet();
            ProbeReading reading = probe.probe(adminUrl, slice);
            return reading;
        };
    }

    private static AdminUrl admin() {
        return new AdminUrl(
                postgres.host(), postgres.port(), "postgres", postgres.user(), postgres.password(), Map.of());
    }
}
