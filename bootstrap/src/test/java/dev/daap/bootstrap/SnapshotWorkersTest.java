package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingCopier;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** Two instances' workers take 10 snapshots of 5 databases: each is copied exactly once, never two of one at once. */
class SnapshotWorkersTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void twoWorkerSetsTakeEachSnapshotExactlyOnce() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("snapworkers"));
        new Migrator(dataSource, "daap").up();
        DSLContext dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        var config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        var counting = new CountingCopiers();
        var first = new Wiring(dsl, config, new CredentialCipher(new byte[32]), counting);
        var second = new Wiring(dsl, config, new CredentialCipher(new byte[32]), counting);
        TestClusters.registerDefault(first, postgres);
        List<DatabaseId> databases = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            databases.add(first.createDatabase()
                    .execute(
                            ADMIN,
                            CreateDatabaseCommand.of("s" + Long.toHexString(System.nanoTime()), "platform", "x", null))
                    .id());
        }
        while (first.jobRunner().runNext("provisioner")) {
            // every database ready before the snapshots are asked for
        }
        List<SnapshotId> snapshots = new ArrayList<>();
        for (DatabaseId database : databases) {
            for (int i = 0; i < 2; i++) {
                snapshots.add(first.snapshotUseCases()
                        .take()
                        .execute(ADMIN, database, "round " + i)
                        .id());
            }
        }

        try (var setA = pool(first, "instance-a");
                var setB = pool(second, "instance-b")) {
            setA.start();
            setB.start();
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> snapshots.stream()
                            .allMatch(
                                    id -> first.snapshots.find(id).orElseThrow().status() == SnapshotStatus.READY));
        }
        assertThat(counting.calls)
                .hasSize(10)
                .allSatisfy((id, calls) ->
                        assertThat(calls.get()).as("copies of snapshot %s", id).isEqualTo(1));
        assertThat(counting.overlaps.get())
                .as("two copies of one database at once")
                .isZero();
    }

    private static WorkerPool pool(Wiring wiring, String name) {
        return new WorkerPool(
                wiring.jobRunner(),
                wiring.jobs,
                2,
                Duration.ofMillis(200),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                name);
    }

    /** The real provisioners; counts snapshot copies and notices two of one database at once. */
    private static final class CountingCopiers implements Provisioners, Copiers {
        private final PostgresProvisioners real = new PostgresProvisioners();
        final Map<SnapshotId, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        private final Set<DatabaseId> running = ConcurrentHashMap.newKeySet();

        @Override
        public Provisioner forCluster(ClusterTarget target) {
            return real.forCluster(target);
        }

        @Override
        public Copier copierFor(ClusterTarget target) {
            return new ForwardingCopier(real.copierFor(target)) {
                @Override
                public Copy snapshot(DatabaseId id, NameOnCluster name, SnapshotId snapshot) {
                    calls.computeIfAbsent(snapshot, ignored -> new AtomicInteger())
                            .incrementAndGet();
                    if (!running.add(id)) {
                        overlaps.incrementAndGet();
                    }
                    try {
                        return delegate.snapshot(id, name, snapshot);
                    } finally {
                        running.remove(id);
                    }
                }
            };
        }
    }
}
