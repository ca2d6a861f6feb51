package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.credential.Credentials;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingCopier;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A worker that dies at any point of a snapshot, a restore or a clone: before each step on the cluster, and after
 * the cluster's work but before the record is updated. Each time the job, taken again once the lease ran out,
 * converges: the copy is made once, the database takes logins again, and its contents are as they should be. The
 * steps are learnt from a run without a crash, so a step added to the copier is covered at once.
 */
class CopyCrashTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final AtomicInteger seen = new AtomicInteger();
    /** The crash comes before the step of this number (from 1); one past the last: after the copier returns. */
    private volatile int crashAt;

    private TestClock clock;
    private Wiring wiring;

    @BeforeEach
    void freshDatabase() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("copies"));
        new Migrator(dataSource, "daap").up();
        DSLContext dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        var config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        clock = TestClock.at(Instant.now());
        wiring = new Wiring(dsl, config, new CredentialCipher(new byte[32]), new CrashingCopiers(), clock);
        TestClusters.registerDefault(wiring, postgres);
    }

    @Test
    void aSnapshotConvergesAfterACrashAtAnyPoint() throws Exception {
        convergesAfterEveryCrash(
                () -> {
                    Database database = readyWithOrders();
                    return new Case(database, null);
                },
                setUp -> wiring.snapshotUseCases()
                        .take()
                        .execute(ADMIN, setUp.database().id(), "crash test")
                        .id(),
                (setUp, snapshot) -> {
                    Snapshot made = wiring.snapshots.find(snapshot).orElseThrow();
                    assertThat(made.status()).isEqualTo(SnapshotStatus.READY);
                    assertThat(made.sizeBytes()).isPositive();
                    assertThat(copies(snapshot)).isEqualTo(1);
                    assertThat(orders(setUp.database())).containsExactly(1, 2);
                });
    }

    @Test
    void aRestoreConvergesAfterACrashAtAnyPoint() throws Exception {
        convergesAfterEveryCrash(
                () -> {
                    Database database = readyWithOrders();
                    SnapshotId snapshot = wiring.snapshotUseCases()
                            .take()
                            .execute(ADMIN, database.id(), null)
                            .id();
                    runWithoutCrash();
                    execute(database, "INSERT INTO orders VALUES (3)");
                    return new Case(database, snapshot);
                },
                setUp -> wiring.snapshotUseCases()
                        .restore()
                        .execute(ADMIN, setUp.database().id(), setUp.snapshot())
                        .id(),
                (setUp, kept) -> {
                    assertThat(wiring.snapshots.find(kept).orElseThrow().status())
                            .isEqualTo(SnapshotStatus.READY);
                    assertThat(copies(kept)).isEqualTo(1);
                    assertThat(orders(setUp.database())).as("restored").containsExactly(1, 2);
                });
    }

    @Test
    void aCloneConvergesAfterACrashAtAnyPoint() throws Exception {
        List<DatabaseId> clones = new ArrayList<>();
        convergesAfterEveryCrash(
                () -> new Case(readyWithOrders(), null),
                setUp -> {
                    Database clone = wiring.createDatabase()
                            .execute(
                                    ADMIN,
                                    CreateDatabaseCommand.of(
                                            uniqueName(),
                                            "platform",
                                            "a clone",
                                            null,
                                            CreateDatabaseCommand.Placement.ANYWHERE,
                                            new CreateDatabaseCommand.Source(
                                                    setUp.database().id().toString(), null)));
                    clones.add(clone.id());
                    return null;
                },
                (setUp, ignored) -> {
                    Database clone = wiring.getDatabase().execute(ADMIN.principal(), clones.getLast());
                    assertThat(clone.status()).isEqualTo(DatabaseStatus.READY);
                    assertThat(orders(clone)).containsExactly(1, 2);
                    execute(clone, "INSERT INTO orders VALUES (10)"); // the clone's role owns the table
                    assertThat(orders(setUp.database()))
                            .as("the source is open again")
                            .containsExactly(1, 2);
                });
    }

    private record Case(Database database, SnapshotId snapshot) {}

    @FunctionalInterface
    private interface SetUp {
        Case make() throws Exception;
    }

    @FunctionalInterface
    private interface Check {
        void converged(Case setUp, SnapshotId result) throws Exception;
    }

    /** A run without a crash teaches the steps; then one run per crash point, each on a database of its own. */
    private void convergesAfterEveryCrash(SetUp setUp, java.util.function.Function<Case, SnapshotId> act, Check check)
            throws Exception {
        Case dry = setUp.make();
        steps.clear();
        SnapshotId result = act.apply(dry);
        runWithoutCrash();
        check.converged(dry, result);
        int points = steps.size() + 1;
        assertThat(points).as("steps of %s", steps).isGreaterThan(3);
        List<String> learnt = List.copyOf(steps);

        for (int point = 1; point <= points; point++) {
            Case fresh = setUp.make();
            result = act.apply(fresh);
            seen.set(0);
            crashAt = point;
            String where = point <= learnt.size() ? "before " + learnt.get(point - 1) : "after the copier returned";
            assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies"))
                    .as(where)
                    .isInstanceOf(SimulatedCrash.class);
            crashAt = 0;
            assertThat(wiring.jobRunner().runNext("other-worker"))
                    .as("the dead worker's lease still holds")
                    .isFalse();
            clock.advance(Duration.ofSeconds(31));
            assertThat(wiring.jobRunner().runNext("other-worker")).as(where).isTrue();
            check.converged(fresh, result);
        }
    }

    private void runWithoutCrash() {
        crashAt = 0;
        while (wiring.jobRunner().runNext("worker")) {
            // every due job, one after the other
        }
    }

    private Database readyWithOrders() throws Exception {
        Database created = wiring.createDatabase()
                .execute(ADMIN, CreateDatabaseCommand.of(uniqueName(), "platform", "crash test", null));
        runWithoutCrash();
        Database ready = wiring.getDatabase().execute(ADMIN.principal(), created.id());
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        execute(ready, "CREATE TABLE orders (id int PRIMARY KEY)", "INSERT INTO orders VALUES (1), (2)");
        return ready;
    }

    private void execute(Database database, String... statements) throws SQLException {
        try (Connection session = connect(database);
                var statement = session.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private List<Integer> orders(Database database) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (Connection session = connect(database);
                var statement = session.createStatement();
                var rows = statement.executeQuery("SELECT id FROM orders ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private Connection connect(Database database) throws SQLException {
        Credentials credentials = wiring.readCredentials().execute(ADMIN, database.id());
        ConnectionDetails connection = credentials.connection();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/" + connection.database(),
                connection.username(),
                credentials.password());
    }

    private long copies(SnapshotId snapshot) throws SQLException {
        try (Connection admin = postgres.dataSource("postgres").getConnection();
                var statement = admin.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, snapshot.nameOnCluster());
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String uniqueName() {
        return "c" + Long.toHexString(System.nanoTime());
    }

    /** The worker "dies": an Error that no handler catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    /**
     * The real provisioners and copiers of the cluster, whose copier steps count towards {@link #crashAt}; the
     * point after the last step is a crash once the copier has returned.
     */
    private final class CrashingCopiers implements Provisioners, Copiers {
        private final PostgresProvisioners real =
                new PostgresProvisioners(UnaryOperator.identity(), 20, step -> beforeStep(step));

        @Override
        public Provisioner forCluster(ClusterTarget target) {
            return real.forCluster(target);
        }

        @Override
        public Copier copierFor(ClusterTarget target) {
            return new ForwardingCopier(real.copierFor(target)) {
                @Override
                public Copy snapshot(DatabaseId id, NameOnCluster name, SnapshotId snapshot) {
                    return afterward(delegate.snapshot(id, name, snapshot));
                }

                @Override
                public Copy restore(DatabaseId id, NameOnCluster name, SnapshotId from, SnapshotId replaced) {
                    return afterward(delegate.restore(id, name, from, replaced));
                }

                @Override
                public ConnectionDetails clone(
                        DatabaseId id,
                        NameOnCluster name,
                        String password,
                        DatabaseId sourceId,
                        NameOnCluster sourceName,
                        Optional<SnapshotId> snapshot) {
                    return afterward(delegate.clone(id, name, password, sourceId, sourceName, snapshot));
                }
            };
        }

        private void beforeStep(String step) {
            steps.add(step);
            if (seen.incrementAndGet() == crashAt) {
                throw new SimulatedCrash("before " + step);
            }
        }

        private <T> T afterward(T result) {
            if (crashAt != 0 && seen.incrementAndGet() == crashAt) {
                throw new SimulatedCrash("after the copier returned");
            }
            return result;
        }
    }
}
