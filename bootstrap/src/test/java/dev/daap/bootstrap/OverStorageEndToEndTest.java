package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioner;
import dev.daap.application.cluster.RegisterClusterCommand;
import dev.daap.application.credential.Credentials;
import dev.daap.application.database.CreateDatabaseCommand;
import dev.daap.application.database.UpdateDatabaseCommand;
import dev.daap.application.plan.CreatePlanCommand;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingProvisioner;
import dev.daap.testing.TestCallers;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Read-only over the storage limit, on a real PostgreSQL 15 cluster (Debian's, started for this class) with DAAP's
 * own database on the shared test server, a test clock, and the probe and the workers run by the test: a database on
 * a plan with a tiny storage limit goes over_storage once the probe measures it above the limit, with an event and an
 * audit entry by DAAP; its job ends the sessions open then and new sessions cannot write; once the owner removed the
 * data (setting read-only off in a session) the next probe makes it ok and writable again. A worker that dies between
 * any two steps of the job leaves a job that converges when it is taken again.
 */
class OverStorageEndToEndTest {
    private static final Caller ADMIN = TestCallers.platformAdmin();
    private static final Duration LEASE = Duration.ofSeconds(30);
    /** Above the limit by about three times the room the plan leaves over an empty database. */
    private static final long ROOM = 4_000_000;

    private static final TestPostgres postgres = TestPostgres.shared();
    private static DebianPostgres cluster;
    private final TestClock clock = TestClock.at(Instant.now());
    private final AtomicBoolean dieAfterTheCluster = new AtomicBoolean();
    private FaultyAdmin admin;
    private Wiring wiring;
    private DSLContext dsl;
    private Duration interval;
    private long limit;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = DebianPostgres.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        cluster.close();
    }

    @BeforeEach
    void start() throws SQLException {
        admin = new FaultyAdmin(cluster.dataSource());
        DataSource metadata = postgres.dataSource(postgres.createDatabase("overstorage"));
        new Migrator(metadata, "daap").up();
        dsl = JooqFactory.create(metadata, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('platform', 'Platform')");
        var config = DaapConfig.fromEnvironment(
                Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms", "DAAP_CLUSTER_PROBE_TIMEOUT", "10s"));
        interval = config.probes().interval();
        var provisioner =
                new DiesAfterTheCluster(new PostgresProvisioner(admin.dataSource(), "127.0.0.1", cluster.port()));
        wiring = new Wiring(dsl, config, new CredentialCipher(new byte[32]), target -> provisioner, clock);
        wiring.clusterUseCases()
                .register()
                .execute(
                        ADMIN,
                        new RegisterClusterCommand(
                                new ClusterName("pg15"),
                                AdminUrl.parse(cluster.databaseUrl()),
                                ClusterSettings.DEFAULTS));
        limit = emptyDatabaseSize() + ROOM;
        wiring.planUseCases()
                .create()
                .execute(
                        ADMIN,
                        CreatePlanCommand.of(
                                "tiny", "a few MB", 10L, limit, 0L, new BigDecimal("1.00"), BigDecimal.ZERO, false));
    }

    @Test
    void overItsLimitItIsReadOnlyAndOnceTheDataIsRemovedWritableAgain() throws SQLException {
        Database created = createReady("ledger");
        Credentials owner = wiring.readCredentials().execute(ADMIN, created.id());
        probe();
        Database measured = read(created);
        assertThat(measured.quotaState()).isEqualTo(QuotaState.OK);

        try (Connection early = connect(owner)) {
            fill(early);
            probe();
            Database over = read(created);
            assertThat(over.quotaState()).isEqualTo(QuotaState.OVER_STORAGE);
            assertThat(over.storageBytes()).isGreaterThan(limit);
            assertThat(over.version())
                    .as("the state is written beside the version")
                    .isEqualTo(measured.version());
            runJobs();
            assertThatThrownBy(() -> note(early))
                    .as("the session open when it went over was ended")
                    .isInstanceOf(SQLException.class);
        }
        try (Connection later = connect(owner)) {
            assertThatThrownBy(() -> note(later))
                    .isInstanceOf(SQLException.class)
                    .extracting(error -> ((SQLException) error).getSQLState())
                    .isEqualTo("25006"); // read_only_sql_transaction
        }

        try (Connection cleanup = connect(owner);
                Statement statement = cleanup.createStatement()) {
            statement.execute("SET default_transaction_read_only = off");
            statement.execute("DROP TABLE filler");
        }
        probe();
        assertThat(read(created).quotaState()).isEqualTo(QuotaState.OK);
        runJobs();
        try (Connection again = connect(owner)) {
            note(again);
        }

        assertThat(dsl.fetch(
                                "SELECT state || ' ' || coalesce(last_error, '') FROM daap.jobs"
                                        + " WHERE database_id = ?::uuid AND kind = 'apply_plan'",
                                created.id().toString())
                        .getValues(0, String.class))
                .as("a job for each crossing, done at its first attempt")
                .containsExactly("succeeded ", "succeeded ");
        assertThat(dsl.fetch(
                                "SELECT payload->>'from' || ' -> ' || (payload->>'to') FROM daap.events"
                                        + " WHERE resource_id = ?::uuid AND type = 'database.quota_state_changed'"
                                        + " ORDER BY xid, seq",
                                created.id().toString())
                        .getValues(0, String.class))
                .containsExactly("ok -> over_storage", "over_storage -> ok");
        assertThat(dsl.fetch(
                                "SELECT actor_kind || ': ' || (before->>'quota_state') || ' -> '"
                                        + " || (after->>'quota_state') FROM daap.audit_events WHERE resource_id = ?"
                                        + " AND action = 'database.quota_state_change' ORDER BY occurred_at, id",
                                created.id().toString())
                        .getValues(0, String.class))
                .containsExactly("daap: ok -> over_storage", "daap: over_storage -> ok");
    }

    @Test
    void aMoveToAPlanThatHoldsItsSizeMakesItWritableAtOnce() throws SQLException {
        Database created = createReady("upgraded");
        Credentials owner = wiring.readCredentials().execute(ADMIN, created.id());
        try (Connection session = connect(owner)) {
            fill(session);
        }
        probe();
        runJobs();
        assertThat(read(created).quotaState()).isEqualTo(QuotaState.OVER_STORAGE);

        Database moved = wiring.databaseUseCases()
                .update()
                .execute(
                        ADMIN,
                        new UpdateDatabaseCommand(
                                created.id(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(new PlanName("medium")),
                                Optional.empty(),
                                VersionPrecondition.ANY));

        assertThat(moved.quotaState()).isEqualTo(QuotaState.OK);
        assertThat(read(created).quotaState()).isEqualTo(QuotaState.OK);
        runJobs();
        try (Connection session = connect(owner)) {
            note(session);
        }
        probe();
        assertThat(read(created).quotaState()).as("the next probe agrees").isEqualTo(QuotaState.OK);
        assertThat(dsl.fetchCount(dsl.selectFrom("daap.events")
                        .where(
                                "resource_id = ?::uuid AND type = 'database.quota_state_changed'",
                                created.id().toString())))
                .isEqualTo(2);
    }

    @Test
    void itsJobConvergesAfterAWorkerDiedBetweenAnyTwoOfItsSteps() throws SQLException {
        // The connection limit, then the setting, whose transaction ends the sessions too; then once more after the
        // cluster did its part and before the job's record says so.
        int steps = 2;
        for (int crashAt = 1; crashAt <= steps + 1; crashAt++) {
            Database created = createReady("crash-" + crashAt);
            Credentials owner = wiring.readCredentials().execute(ADMIN, created.id());
            try (Connection early = connect(owner)) {
                fill(early);
                probe();
                assertThat(read(created).quotaState()).isEqualTo(QuotaState.OVER_STORAGE);

                if (crashAt <= steps) {
                    admin.crashBeforeStatement(crashAt);
                } else {
                    admin.crashBeforeStatement(0);
                    dieAfterTheCluster.set(true);
                }
                assertThat(catchThrowable(() -> wiring.jobRunner().runNext("worker-that-dies")))
                        .as("a crash before statement %d", crashAt)
                        .isInstanceOf(FaultyAdmin.WorkerDied.class);
                assertThat(admin.statementsSeen()).isEqualTo(Math.min(crashAt, steps));
                admin.crashBeforeStatement(0);
                dieAfterTheCluster.set(false);
                clock.advance(LEASE.plusSeconds(1));
                runJobs();

                assertThat(dsl.fetch(
                                        "SELECT last_error FROM daap.jobs WHERE database_id = ?::uuid AND kind = 'apply_plan'",
                                        created.id().toString())
                                .getValues(0, String.class))
                        .as("the job's last attempt went through")
                        .containsExactly((String) null);
                assertThatThrownBy(() -> note(early))
                        .as("after a crash before statement %d, the session of before was ended", crashAt)
                        .isInstanceOf(SQLException.class);
            }
            try (Connection later = connect(owner)) {
                assertThatThrownBy(() -> note(later))
                        .as("after a crash before statement %d", crashAt)
                        .isInstanceOf(SQLException.class)
                        .extracting(error -> ((SQLException) error).getSQLState())
                        .isEqualTo("25006");
            }
        }
    }

    /** Dies, when told to, after the cluster did its part and before the job's record says so. */
    private final class DiesAfterTheCluster extends ForwardingProvisioner {
        DiesAfterTheCluster(Provisioner delegate) {
            super(delegate);
        }

        @Override
        public void applyReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
            delegate.applyReadOnly(id, name, readOnly);
            if (dieAfterTheCluster.get()) {
                throw new FaultyAdmin.WorkerDied("after the cluster, before the record");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private Database createReady(String name) {
        Database created = wiring.createDatabase()
                .execute(
                        ADMIN,
                        CreateDatabaseCommand.of(
                                        name,
                                        "platform",
                                        "over storage test",
                                        null,
                                        new CreateDatabaseCommand.Placement(null, null, "pg15"))
                                .withPlan("tiny"));
        runJobs();
        assertThat(read(created).status()).isEqualTo(DatabaseStatus.READY);
        return created;
    }

    private Database read(Database database) {
        return wiring.getDatabase().execute(ADMIN.principal(), database.id());
    }

    /** A probe of the cluster, due as the interval passed. */
    private void probe() {
        clock.advance(interval);
        assertThat(wiring.probeClusters().runRound()).hasSize(1);
    }

    private void runJobs() {
        for (int run = 0; wiring.jobRunner().runNext("worker"); run++) {
            assertThat(run).as("jobs still due after 20 runs").isLessThan(20);
        }
    }

    /** A new database's size on this server: template1's, which it is a copy of. */
    private static long emptyDatabaseSize() throws SQLException {
        try (Connection connection = cluster.connect();
                Statement statement = connection.createStatement();
                ResultSet size = statement.executeQuery("SELECT pg_database_size('template1')")) {
            size.next();
            return size.getLong(1);
        }
    }

    /** About three times the room the plan leaves, in rows that do not compress; and a small table to write to. */
    private static void fill(Connection session) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("CREATE TABLE notes (note text)");
            statement.execute("CREATE TABLE filler AS SELECT md5(i::text) || repeat(md5((i + 1)::text), 6) AS row"
                    + " FROM generate_series(1, " + (3 * ROOM / 250) + ") i");
        }
    }

    private static void note(Connection session) throws SQLException {
        try (Statement statement = session.createStatement()) {
            statement.execute("INSERT INTO notes VALUES ('still here')");
        }
    }

    private static Connection connect(Credentials credentials) throws SQLException {
        var connection = credentials.connection();
        return DriverManager.getConnection(
                "jdbc:postgresql://" + connection.host() + ":" + connection.port() + "/" + connection.database()
                        + "?connectTimeout=5",
                connection.username(),
                credentials.password());
    }
}
