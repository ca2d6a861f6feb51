package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.backup.ChunkedAesGcm;
import dev.daap.adapters.backup.FolderBackupStore;
import dev.daap.adapters.backup.PgClientTools;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioners;
import dev.daap.application.cluster.RegisterClusterCommand;
import dev.daap.application.credential.Credentials;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.application.database.MoveDatabaseCommand;
import dev.daap.application.user.CreateUserCommand;
import dev.daap.bootstrap.observability.Telemetry;
import dev.daap.bootstrap.observability.TelemetrySettings;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingProvisioner;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moves between two Debian PostgreSQL 15 clusters, with Debian's client tools, through the real job runner: every
 * row, sequence, view, function and large object arrives; the owner's and a user's passwords work on the new host;
 * the old copy is a deleted database that a restore brings back, writable, with its rows; and a worker that dies
 * before any statement the move sends to either cluster (or after the hand-over, before the job completes) leaves a
 * job that converges when another worker takes it.
 */
class MoveEndToEndTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static DebianPostgres first;
    private static DebianPostgres second;

    private final TestPostgres postgres = TestPostgres.shared();
    private final FaultyAdmin faulty = new FaultyAdmin();
    private final AtomicBoolean dieAfterHandOver = new AtomicBoolean();

    @TempDir
    Path folder;

    private Clock clock;
    private Wiring wiring;

    @BeforeAll
    static void startClusters() throws Exception {
        first = DebianPostgres.start();
        second = DebianPostgres.start();
    }

    @AfterAll
    static void stopClusters() throws Exception {
        try {
            first.close();
        } finally {
            second.close();
        }
    }

    @BeforeEach
    void freshMetadata(TestInfo test) {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("moves"));
        new Migrator(dataSource, "daap").up();
        DSLContext dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        var config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        // The crash test moves the clock past leases; the other reads the read-only time on the real one.
        clock = test.getTestMethod().orElseThrow().getName().contains("Crash")
                ? TestClock.at(Instant.now())
                : Clock.systemUTC();
        var credentialCipher = new CredentialCipher(new byte[32]);
        var real = new PostgresProvisioners(faulty::watching);
        wiring = new Wiring(
                dsl,
                config,
                credentialCipher,
                target -> new DiesAfterHandOver(real.forCluster(target)),
                Wiring.ClusterSide.of(config, Optional.empty()),
                clock,
                Telemetry.start(TelemetrySettings.off(), Optional.empty()),
                new Wiring.BackupSide(
                        new FolderBackupStore(folder),
                        new ChunkedAesGcm(credentialCipher.derivedKey("backups")),
                        PgClientTools.discover(List.of(), System.getenv("PATH"))));
        wiring.registerDefaultCluster()
                .execute(AdminUrl.parse(first.databaseUrl()), ClientEndpoint.DEFAULTS)
                .orElseThrow();
        wiring.clusterUseCases()
                .register()
                .execute(
                        ADMIN,
                        RegisterClusterCommand.of(new RegisterClusterCommand.Fields(
                                "second", second.databaseUrl(), null, null, null, null, null, null, null)));
    }

    @Test
    void aMoveKeepsEveryRowAndTheCredentialsAndLeavesTheOldCopyRestorable() throws Exception {
        Database database = ready("orders");
        fill(database);
        List<String> before = fingerprint(database);
        Credentials owner = wiring.readCredentials().execute(ADMIN, database.id());
        var reporting = wiring.userUseCases()
                .create()
                .execute(ADMIN, database.id(), CreateUserCommand.of("reporting", "read_only"));
        runJobs();

        var operation =
                wiring.moveDatabase().execute(ADMIN, database.id(), MoveDatabaseCommand.of(null, null, "second"));
        assertThat(wiring.getDatabase()
                        .execute(ADMIN.principal(), database.id())
                        .status())
                .isEqualTo(DatabaseStatus.MOVING);
        runJobs();

        Database moved = wiring.getDatabase().execute(ADMIN.principal(), database.id());
        assertThat(moved.status()).as(moved.failureReason()).isEqualTo(DatabaseStatus.READY);
        assertThat(moved.cluster().name().value()).isEqualTo("second");
        assertThat(moved.connection().port())
                .isEqualTo(AdminUrl.parse(second.databaseUrl()).port());
        // The password the owner had, on the new host; and the user's, with its access level.
        assertThat(fingerprint(moved, owner.password())).isEqualTo(before);
        execute(moved, owner.password(), "INSERT INTO customers (name) VALUES ('written after the move')");
        try (Connection session =
                        connect(moved.connection(), reporting.current().username(), reporting.password());
                var statement = session.createStatement();
                var rows = statement.executeQuery("SELECT count(*) FROM customers")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(5001);
        }
        Move move = wiring.moves.findByOperation(operation.job().id()).orElseThrow();
        assertThat(move.readOnlyMs()).isNotNull().isNotNegative();
        System.out.printf(
                "MoveEndToEndTest: %s was read-only for %d ms during its move (5,000 rows, a sequence, a view, a"
                        + " function, a large object); the move job took %d ms%n",
                database.name(),
                move.readOnlyMs(),
                wiring.jobs
                        .find(operation.job().id())
                        .orElseThrow()
                        .duration()
                        .orElseThrow()
                        .toMillis());
        assertThat(databasesOn(first))
                .doesNotContain(database.nameOnCluster().value())
                .contains(NameOnCluster.parked(move.leftBehind()).value());

        // The old copy: a deleted database of its own, restorable (under another name: orders is taken), writable.
        Database left = wiring.databases.findIncludingDeleted(move.leftBehind()).orElseThrow();
        assertThat(left.status()).isEqualTo(DatabaseStatus.DELETED);
        assertThat(left.cluster().name().value()).isEqualTo("default");
        wiring.restoreDatabase().execute(ADMIN, left.id(), Optional.of(new DatabaseName("orders-before-move")));
        runJobs();
        Database restored = wiring.getDatabase().execute(ADMIN.principal(), left.id());
        assertThat(restored.status()).as(restored.failureReason()).isEqualTo(DatabaseStatus.READY);
        assertThat(fingerprint(restored, owner.password())).isEqualTo(before);
        execute(restored, owner.password(), "INSERT INTO customers (name) VALUES ('the old copy takes writes')");
    }

    @Test
    void aMoveConvergesAfterAWorkerCrashedBeforeAnyOfItsStatementsOrAfterTheHandOver() throws Exception {
        Database database = ready("crashes");
        fill(database);
        List<String> before = fingerprint(database);
        String password = wiring.readCredentials().execute(ADMIN, database.id()).password();
        String to = "second";
        boolean crashedEverywhere = false;
        int crashPoints = 0;
        for (int crashAt = 1; !crashedEverywhere; crashAt++) {
            crashPoints = crashAt;
            var operation = wiring.moveDatabase().execute(ADMIN, database.id(), MoveDatabaseCommand.of(null, null, to));
            faulty.crashBeforeStatement(crashAt);
            try {
                wiring.jobRunner().runNext("worker-that-dies");
                // The move sent fewer statements than crashAt: now it dies after the hand-over instead.
                crashedEverywhere = true;
            } catch (FaultyAdmin.WorkerDied died) {
                // as planned
            }
            faulty.crashBeforeStatement(0);
            if (crashedEverywhere) {
                assertThat(wiring.getDatabase()
                                .execute(ADMIN.principal(), database.id())
                                .cluster()
                                .name()
                                .value())
                        .isEqualTo(to);
                // Once more, dying after the hand-over, before the job completes.
                to = to.equals("second") ? "default" : "second";
                operation = wiring.moveDatabase().execute(ADMIN, database.id(), MoveDatabaseCommand.of(null, null, to));
                dieAfterHandOver.set(true);
                assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies"))
                        .isInstanceOf(FaultyAdmin.WorkerDied.class);
                dieAfterHandOver.set(false);
            }
            ((TestClock) clock).advance(LEASE.plusSeconds(1));
            runJobs();

            Database moved = wiring.getDatabase().execute(ADMIN.principal(), database.id());
            assertThat(moved.status())
                    .as("crash at %d: %s", crashAt, moved.failureReason())
                    .isEqualTo(DatabaseStatus.READY);
            assertThat(moved.cluster().name().value())
                    .as("crash at %d", crashAt)
                    .isEqualTo(to);
            assertThat(fingerprint(moved, password)).as("crash at %d", crashAt).isEqualTo(before);
            Move move = wiring.moves.findByOperation(operation.job().id()).orElseThrow();
            assertThat(move.readOnlyMs()).as("crash at %d", crashAt).isNotNull();
            DebianPostgres source = to.equals("second") ? first : second;
            assertThat(databasesOn(source))
                    .as("crash at %d", crashAt)
                    .doesNotContain(moved.nameOnCluster().value())
                    .contains(NameOnCluster.parked(move.leftBehind()).value());
            assertThat(wiring.databases
                            .findIncludingDeleted(move.leftBehind())
                            .orElseThrow()
                            .status())
                    .isEqualTo(DatabaseStatus.DELETED);
            to = to.equals("second") ? "default" : "second"; // and back again next time
        }
        System.out.printf(
                "MoveEndToEndTest: moves converged after a crash before each of their statements (%d crash points)"
                        + " and after the hand-over%n",
                crashPoints);
    }

    /** Dies, when told to, after the old copy was handed over and before the job completes. */
    private final class DiesAfterHandOver extends ForwardingProvisioner {
        DiesAfterHandOver(Provisioner delegate) {
            super(delegate);
        }

        @Override
        public void handOver(DatabaseId from, NameOnCluster name, DatabaseId to) {
            delegate.handOver(from, name, to);
            if (dieAfterHandOver.get()) {
                throw new FaultyAdmin.WorkerDied("after the hand-over, before the job completed");
            }
        }
    }

    private Database ready(String name) {
        Database created =
                wiring.createDatabase().execute(ADMIN, CreateDatabaseCommand.of(name, "platform", "moved", null));
        runJobs();
        Database ready = wiring.getDatabase().execute(ADMIN.principal(), created.id());
        assertThat(ready.status()).isEqualTo(DatabaseStatus.READY);
        return ready;
    }

    private void fill(Database database) throws SQLException {
        String password = wiring.readCredentials().execute(ADMIN, database.id()).password();
        execute(
                database,
                password,
                "CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL)",
                "CREATE INDEX customers_name_idx ON customers (name)",
                "INSERT INTO customers (name) SELECT 'customer ' || g FROM generate_series(1, 5000) g",
                "CREATE SEQUENCE invoice_numbers START 1000",
                "SELECT nextval('invoice_numbers')",
                "SELECT nextval('invoice_numbers')",
                "CREATE VIEW named_customers AS SELECT name FROM customers WHERE id <= 10",
                "CREATE FUNCTION shout(t text) RETURNS text LANGUAGE sql AS $$ SELECT upper(t) $$",
                "SELECT lo_from_bytea(4242, 'a large object')");
    }

    private List<String> fingerprint(Database database) throws SQLException {
        return fingerprint(
                database, wiring.readCredentials().execute(ADMIN, database.id()).password());
    }

    /** What a move must keep, read as the database's own role with {@code password}. */
    private static List<String> fingerprint(Database database, String password) throws SQLException {
        ConnectionDetails connection = database.connection();
        try (Connection session = connect(connection, connection.username(), password);
                var statement = session.createStatement();
                var rows = statement.executeQuery("""
                        SELECT (SELECT count(*) || ' ' || md5(string_agg(id || name, ',' ORDER BY id)) FROM customers
                                 WHERE id <= 5000),
                               (SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes
                                 WHERE tablename = 'customers'),
                               (SELECT last_value::text FROM invoice_numbers),
                               (SELECT string_agg(name, ',' ORDER BY name) FROM named_customers),
                               shout('quiet'),
                               convert_from(lo_get(4242), 'UTF8'),
                               (SELECT last_value::text FROM customers_id_seq)
                        """)) {
            rows.next();
            List<String> values = new ArrayList<>();
            for (int column = 1; column <= 7; column++) {
                values.add(rows.getString(column));
            }
            return values;
        }
    }

    private static void execute(Database database, String password, String... statements) throws SQLException {
        ConnectionDetails connection = database.connection();
        try (Connection session = connect(connection, connection.username(), password);
                var statement = session.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect(ConnectionDetails connection, String username, String password)
            throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/" + connection.database(),
                username,
                password);
    }

    private static List<String> databasesOn(DebianPostgres cluster) throws SQLException {
        try (Connection admin = cluster.connect();
                var statement = admin.createStatement();
                var rows = statement.executeQuery("SELECT datname FROM pg_database")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        }
    }

    private void runJobs() {
        while (wiring.jobRunner().runNext("worker")) {
            // every due job, one after the other
        }
    }
}
