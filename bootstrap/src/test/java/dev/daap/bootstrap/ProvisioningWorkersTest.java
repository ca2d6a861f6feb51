package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioner;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingProvisioner;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The job machinery on a real PostgreSQL with the real provisioner: a worker that dies between "database
 * created" and "record updated" converges when the job is taken again, and two worker sets provision each of
 * 50 databases exactly once.
 */
class ProvisioningWorkersTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();
    private final byte[] key = new byte[32];
    private DataSource dataSource;
    private DSLContext dsl;
    private DaapConfig config;

    @BeforeEach
    void freshDatabase() {
        dataSource = postgres.dataSource(postgres.createDatabase("workers"));
        new Migrator(dataSource, "daap").up();
        dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
    }

    @Test
    void aWorkerKilledAfterCreatingTheDatabaseConvergesWhenTheJobIsTakenAgain() throws Exception {
        var clock = TestClock.at(Instant.now());
        var crashOnce = new CrashingProvisioner(realProvisioner());
        var wiring = new Wiring(dsl, config, new CredentialCipher(key), target -> crashOnce, clock);
        registerTheSharedServer(wiring);
        Database requested = wiring.createDatabase()
                .execute(ADMIN, CreateDatabaseCommand.of(uniqueName(), "platform", "crash test", null));

        assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies")).isInstanceOf(SimulatedCrash.class);
        assertThat(wiring.getDatabase()
                        .execute(ADMIN.principal(), requested.id())
                        .status())
                .isEqualTo(DatabaseStatus.PROVISIONING);
        assertThat(wiring.jobRunner().runNext("other-worker"))
                .as("the dead worker's lease still holds")
                .isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(wiring.jobRunner().runNext("other-worker")).isTrue();

        Database ready = wiring.getDatabase().execute(ADMIN.principal(), requested.id());
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        String password = wiring.readCredentials().execute(ADMIN, ready.id()).password();
        assertCanUse(ready.connection(), password);
        assertThat(wiring.jobs.find(ready.latestOperationId()).orElseThrow().attempts())
                .isEqualTo(2);
    }

    @Test
    void twoWorkerSetsProvisionEachOf50DatabasesExactlyOnce() throws Exception {
        var counting = new CountingProvisioner(realProvisioner());
        var first = new Wiring(dsl, config, new CredentialCipher(key), target -> counting);
        var second = new Wiring(dsl, config, new CredentialCipher(key), target -> counting);
        registerTheSharedServer(first);
        List<DatabaseId> ids = new ArrayList<>();
        String prefix = uniqueName();
        for (int i = 0; i < 50; i++) {
            ids.add(first.createDatabase()
                    .execute(ADMIN, CreateDatabaseCommand.of(prefix + "-" + i, "platform", "load", null))
                    .id());
        }
        var setA = new WorkerPool(
                first.jobRunner(),
                first.jobs,
                2,
                Duration.ofMillis(200),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                "instance-a");
        var setB = new WorkerPool(
                second.jobRunner(),
                second.jobs,
                2,
                Duration.ofMillis(200),
                Duration.ofMinutes(1),
                Duration.ofSeconds(30),
                "instance-b");
        setA.start();
        setB.start();
        try {
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> allReady(first, ids));
        } finally {
            setA.close();
            setB.close();
        }
        assertThat(counting.calls)
                .hasSize(50)
                .allSatisfy((id, calls) -> assertThat(calls.get()).isEqualTo(1));
        assertThat(counting.overlaps.get()).isZero();
    }

    private boolean allReady(Wiring wiring, List<DatabaseId> ids) {
        return ids.stream()
                .allMatch(id ->
                        wiring.getDatabase().execute(ADMIN.principal(), id).status() == DatabaseStatus.READY);
    }

    private PostgresProvisioner realProvisioner() {
        return new PostgresProvisioner(postgres.dataSource("postgres"), postgres.host(), postgres.port());
    }

    /** The shared test server becomes the default cluster, as start-up would register it. */
    private void registerTheSharedServer(Wiring wiring) {
        TestClusters.registerDefault(wiring, postgres);
    }

    private static void assertCanUse(ConnectionDetails connection, String password) throws Exception {
        String url = "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/" + connection.database();
        try (var session = DriverManager.getConnection(url, connection.username(), password);
                var statement = session.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY)");
            statement.execute("INSERT INTO orders VALUES (1)");
            try (var rows = statement.executeQuery("SELECT count(*) FROM orders")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    private static String uniqueName() {
        return "w" + Long.toHexString(System.nanoTime());
    }

    /** The worker "dies": an Error that no handler catches, after the target database was created. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between creating the database and updating the record");
        }
    }

    private static final class CrashingProvisioner extends ForwardingProvisioner {
        private final AtomicInteger provisions = new AtomicInteger();

        CrashingProvisioner(Provisioner delegate) {
            super(delegate);
        }

        @Override
        public ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password) {
            ConnectionDetails details = delegate.provision(id, name, password);
            if (provisions.incrementAndGet() == 1) {
                throw new SimulatedCrash();
            }
            return details;
        }
    }

    /** Counts provisions per database and notices two running at once for the same database. */
    private static final class CountingProvisioner extends ForwardingProvisioner {
        final Map<DatabaseId, AtomicInteger> calls = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        private final Set<DatabaseId> running = ConcurrentHashMap.newKeySet();

        CountingProvisioner(Provisioner delegate) {
            super(delegate);
        }

        @Override
        public ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password) {
            calls.computeIfAbsent(id, ignored -> new AtomicInteger()).incrementAndGet();
            if (!running.add(id)) {
                overlaps.incrementAndGet();
            }
            try {
                return delegate.provision(id, name, password);
            } finally {
                running.remove(id);
            }
        }
    }
}
