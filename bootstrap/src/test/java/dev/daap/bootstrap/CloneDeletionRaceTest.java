package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.credential.Credentials;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.SnapshotId;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one database: a clone copied from a live database on one, and the deletion of that source
 * (request and deactivate job) on the other, arriving before each step of the clone on the cluster, before the clone
 * job starts, and after its copier returned. Whatever the order, the source is parked with its data and comes back by
 * a restore, and the clone is either ready with a copy of the data that its own role owns, or failed with a reason
 * before anything was copied; never ready and broken, never the source lost or owned by the clone's role. The steps
 * are learnt from a run without the deletion, so a step added to the copier is covered at once.
 */
class CloneDeletionRaceTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private final TestPostgres postgres = TestPostgres.shared();
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final AtomicInteger seen = new AtomicInteger();
    private final ExecutorService otherInstance = Executors.newSingleThreadExecutor();
    /** The deletion comes before the clone's step of this number (from 1); 0: none. */
    private volatile int deleteAt;
    /** The source the deletion is of, and what it did. */
    private volatile Database source;

    private volatile CompletableFuture<Void> deletion;

    private TestClock clock;
    private Wiring first;
    private Wiring second;

    @BeforeEach
    void twoInstances() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("clone_races"));
        new Migrator(dataSource, "daap").up();
        DSLContext dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        var config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        clock = TestClock.at(Instant.now());
        first = new Wiring(dsl, config, new CredentialCipher(new byte[32]), new InterleavingCopiers(), clock);
        second = new Wiring(
                dsl,
                config,
                new CredentialCipher(new byte[32]),
                new PostgresProvisioners(UnaryOperator.identity(), 20, step -> {}),
                clock);
        TestClusters.registerDefault(first, postgres);
    }

    @AfterEach
    void stop() {
        otherInstance.shutdownNow();
    }

    @Test
    void aCloneAndTheDeletionOfItsSourceNeverBreakTheCloneNorLoseTheSource() throws Exception {
        Database dry = readyWithOrders();
        DatabaseId dryClone = cloneOf(dry);
        steps.clear();
        runAll();
        assertThat(status(dryClone)).isEqualTo(DatabaseStatus.READY);
        List<String> learnt = List.copyOf(steps);
        assertThat(learnt).as("steps of a clone").hasSizeGreaterThan(3);

        // 0: the deletion before the clone job starts; then before each step (the last: after the copier returned)
        for (int point = 0; point <= learnt.size(); point++) {
            String where = point == 0 ? "before the clone job starts" : "before " + learnt.get(point - 1);
            source = readyWithOrders();
            DatabaseId clone = cloneOf(source);
            seen.set(0);
            deletion = null;
            if (point == 0) {
                deleteOnTheOtherInstance();
                awaitDeletion();
            }
            deleteAt = point;
            runAll();
            deleteAt = 0;
            awaitDeletion();
            runAll();

            assertThat(status(source.id())).as(where).isEqualTo(DatabaseStatus.DELETED);
            Database cloned = first.getDatabase().execute(ADMIN.principal(), clone);
            if (cloned.status() == DatabaseStatus.READY) {
                assertThat(orders(cloned)).as(where).containsExactly(1, 2);
                execute(cloned, "INSERT INTO orders VALUES (10)"); // the clone's own role owns its table
            } else {
                assertThat(cloned.status()).as(where).isEqualTo(DatabaseStatus.FAILED);
                assertThat(cloned.failureReason()).as(where).contains("copied from");
            }
            first.restoreDatabase().execute(ADMIN, source.id(), Optional.empty());
            runAll();
            Database restored = first.getDatabase().execute(ADMIN.principal(), source.id());
            assertThat(restored.status()).as(where).isEqualTo(DatabaseStatus.READY);
            assertThat(orders(restored)).as("the source's data, %s", where).containsExactly(1, 2);
            execute(restored, "INSERT INTO orders VALUES (3)"); // and its own role still owns its table
            assertThat(ownerOnCluster(restored))
                    .as("the source's database is its own role's, %s", where)
                    .isEqualTo(restored.connection().username());
        }
    }

    private String ownerOnCluster(Database database) throws SQLException {
        try (Connection admin = postgres.dataSource("postgres").getConnection();
                var statement =
                        admin.prepareStatement("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database.connection().database());
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Deletes the source on the other instance and runs its jobs there, in the background. */
    private void deleteOnTheOtherInstance() {
        Database deleted = source;
        deletion = CompletableFuture.runAsync(
                () -> {
                    second.databaseUseCases().delete().execute(ADMIN, deleted.id(), VersionPrecondition.ANY, false);
                    while (second.jobRunner().runNext("other-instance")) {
                        // the deactivate job, or its wait for the clone
                    }
                },
                otherInstance);
    }

    /**
     * Lets the other instance's deletion run, up to a few seconds: it may have to wait for a lock the clone's step
     * holds, and then goes on once this instance does.
     */
    private void letTheDeletionRun() {
        try {
            deletion.get(3, TimeUnit.SECONDS);
        } catch (TimeoutException waitingForUs) {
            // it finishes after this step
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitDeletion() throws Exception {
        if (deletion != null) {
            deletion.get(60, TimeUnit.SECONDS);
        }
    }

    /** Every due job on both instances, the clock moved past every wait and retry, until none is left. */
    private void runAll() {
        for (int round = 0; round < 50; round++) {
            boolean ran = false;
            while (first.jobRunner().runNext("first") | second.jobRunner().runNext("second")) {
                ran = true;
            }
            clock.advance(Duration.ofSeconds(5));
            if (!ran
                    && !(first.jobRunner().runNext("first") | second.jobRunner().runNext("second"))) {
                return;
            }
        }
        throw new AssertionError("jobs still due after 50 rounds");
    }

    private DatabaseStatus status(DatabaseId id) {
        return first.getDatabase().execute(ADMIN.principal(), id).status();
    }

    private DatabaseId cloneOf(Database from) {
        return first.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of(
                                uniqueName(),
                                "platform",
                                "a clone",
                                null,
                                CreateDatabaseCommand.Placement.ANYWHERE,
                                new CreateDatabaseCommand.Source(from.id().toString(), null)))
                .id();
    }

    private Database readyWithOrders() throws Exception {
        Database created = first.createDatabase()
                .execute(ADMIN, CreateDatabaseCommand.of(uniqueName(), "platform", "race test", null));
        runAll();
        Database ready = first.getDatabase().execute(ADMIN.principal(), created.id());
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
                var rows = statement.executeQuery("SELECT id FROM orders WHERE id < 3 ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private Connection connect(Database database) throws SQLException {
        Credentials credentials = first.readCredentials().execute(ADMIN, database.id());
        ConnectionDetails connection = credentials.connection();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/" + connection.database(),
                connection.username(),
                credentials.password());
    }

    private static String uniqueName() {
        return "r" + Long.toHexString(System.nanoTime());
    }

    /** The real provisioners and copiers, whose clone steps count towards {@link #deleteAt}. */
    private final class InterleavingCopiers implements Provisioners, Copiers {
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
                public ConnectionDetails clone(
                        DatabaseId id,
                        NameOnCluster name,
                        String password,
                        DatabaseId sourceId,
                        NameOnCluster sourceName,
                        Optional<SnapshotId> snapshot) {
                    ConnectionDetails details = delegate.clone(id, name, password, sourceId, sourceName, snapshot);
                    beforeStep("after the copier returned");
                    return details;
                }
            };
        }

        private void beforeStep(String step) {
            if (deleteAt == 0) {
                steps.add(step);
                return;
            }
            if (seen.incrementAndGet() == deleteAt && deletion == null) {
                deleteOnTheOtherInstance();
                letTheDeletionRun();
            }
        }
    }
}
