package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.HttpServer;
import dev.daap.adapters.http.HttpSettings;
import dev.daap.adapters.http.event.EventHandler;
import dev.daap.adapters.http.event.EventUseCases;
import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.version.VersionInfo;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.credential.CredentialCipher;
import dev.daap.adapters.postgres.provisioning.PostgresProvisioner;
import dev.daap.application.event.EventHub;
import dev.daap.application.event.ListEvents;
import dev.daap.application.event.WatchEvents;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.migrations.Migrator;
import dev.daap.testing.ForwardingProvisioner;
import dev.daap.testing.TestClock;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.ApiUnderTest;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deletion that can be undone, through the API on a real PostgreSQL 17 (DAAP's own database and the cluster), with
 * a test clock and the workers run by the test: rows written before a delete are all there after the restore, and
 * the old credentials work again; after the window the purge leaves neither database nor role; a protected database
 * refuses deletion; a member may not purge; and a worker that dies between any two steps of a delete, a restore or a
 * purge leaves a job that converges when it is taken again.
 */
class DeletionEndToEndTest implements ApiUnderTest {
    private static final String ADMIN_TOKEN = "daap_deltest_" + "0123456789abcdef0123456789abcdef";
    private static final Duration LEASE = Duration.ofSeconds(30);
    private final TestPostgres postgres = TestPostgres.shared();
    private final TestClock clock = TestClock.at(Instant.now());
    private final FaultyAdmin admin = new FaultyAdmin(postgres.dataSource("postgres"));
    /** A team of this test's own: names on the shared cluster are the team's, so parallel tests never meet there. */
    private final String team = "del" + Long.toHexString(System.nanoTime() & 0xffffffffL);

    private final AtomicBoolean dieAfterTheCluster = new AtomicBoolean();
    private Wiring wiring;
    private HttpServer server;
    private TestClient client;

    @BeforeEach
    void start() {
        var dataSource = postgres.dataSource(postgres.createDatabase("deletion"));
        new Migrator(dataSource, "daap").up();
        DSLContext dsl = JooqFactory.create(dataSource, "daap");
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES (?, 'Deletion tests')", team);
        var config = DaapConfig.fromEnvironment(Map.of("DAAP_JOB_LEASE", "30s", "DAAP_JOB_RETRY_BASE", "100ms"));
        var provisioner =
                new DiesAfterTheCluster(new PostgresProvisioner(admin.dataSource(), postgres.host(), postgres.port()));
        wiring = new Wiring(dsl, config, new CredentialCipher(new byte[32]), target -> provisioner, clock);
        TestClusters.registerDefault(wiring, postgres);
        wiring.bootstrapPlatformAdmin().execute(Optional.of(ADMIN_TOKEN));
        server = new HttpServer(
                wiring.databaseUseCases(),
                wiring.accessUseCases(),
                new EventUseCases(
                        new ListEvents(wiring.events),
                        new WatchEvents(wiring.events, new EventHub(10)),
                        EventHandler.DEFAULT_HEARTBEAT),
                wiring.clusterUseCases(),
                wiring.snapshotUseCases(),
                wiring.backupUseCases(),
                wiring.userUseCases(),
                wiring.planUseCases(),
                wiring.usageUseCases(),
                wiring.costUseCases(),
                () -> new Readiness(true, Map.of("database", "ok")),
                () -> new VersionInfo(
                        "test", "test", new VersionInfo.Schema(0, 0, null), new VersionInfo.Postgres("17", Map.of())),
                HttpSettings.defaults().withPort(0).withHost("127.0.0.1"));
        server.start();
        client = TestClient.to("http://127.0.0.1:" + server.port()).as(ADMIN_TOKEN);
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop();
    }

    @Override
    public TestClient client() {
        return client;
    }

    @Test
    void rowsWrittenBeforeADeleteAreBackAfterTheRestoreAndTheOldCredentialsWorkAgain() throws SQLException {
        String path = createReady("orders");
        JsonNode credentials = get(path + "/credentials").json();
        writeRows(credentials, 3);

        assertThat(delete(path).status()).isEqualTo(202);
        runJobs();
        assertThat(get(path).json().path("status").asText()).isEqualTo("deleted");
        assertThatThrownBy(() -> count(credentials))
                .as("no logins while deleted")
                .isInstanceOf(SQLException.class);

        TestResponse restoring = post(path + "/restore", "{}");
        assertThat(restoring.status()).as(restoring.body()).isEqualTo(202);
        runJobs();

        assertThat(get(path).json().path("status").asText()).isEqualTo("ready");
        assertThat(count(credentials)).isEqualTo(3);
        assertThat(get(path + "/credentials").json()).isEqualTo(credentials);
    }

    @Test
    void aNameGivenAgainMeanwhileIsRefusedAndTheRestoreComesBackUnderAnother() throws SQLException {
        String path = createReady("orders");
        JsonNode credentials = get(path + "/credentials").json();
        writeRows(credentials, 2);
        delete(path);
        runJobs();
        String again = createReady("orders");
        writeRows(get(again + "/credentials").json(), 5);

        assertThat(post(path + "/restore", "{}").json().path("type").asText()).endsWith("/name-taken");
        assertThat(post(path + "/restore", "{\"name\": \"orders-before\"}").status())
                .isEqualTo(202);
        runJobs();

        JsonNode restored = get(path + "/credentials").json();
        assertThat(restored.path("password").asText())
                .isEqualTo(credentials.path("password").asText());
        assertThat(restored.path("username").asText()).isEqualTo(team + "_orders_before");
        assertThat(count(restored)).isEqualTo(2);
        assertThat(count(get(again + "/credentials").json()))
                .as("the new one is its own")
                .isEqualTo(5);
    }

    @Test
    void afterTheWindowThePurgeLeavesNeitherDatabaseNorRole() throws SQLException {
        String path = createReady("orders");
        DatabaseId id = DatabaseId.parse(path.substring("/v1/databases/".length()));
        delete(path);
        runJobs();

        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(wiring.purgeExpiredDatabases().execute())
                .as("within the window")
                .isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(post(path + "/restore", "{}").json().path("type").asText()).endsWith("/restore-window-expired");
        assertThat(wiring.purgeExpiredDatabases().execute()).isEqualTo(1);
        runJobs();

        assertThat(get(path).json().path("status").asText()).isEqualTo("purged");
        assertNothingLeft(id, team + "_orders");
    }

    @Test
    void aProtectedDatabaseRefusesDeletionAndAMemberMayNotPurge() {
        TestResponse created = post("/v1/databases", """
                {"name": "ledger", "owner_team": "%s", "purpose": "Books", "deletion_protection": true}""".formatted(team));
        String path = "/v1/databases/" + created.json().path("id").asText();
        runJobs();
        String member = key("member");

        assertThat(as(member).delete(path).json().path("type").asText()).endsWith("/deletion-protected");
        patch(path, "{\"deletion_protection\": false}");
        TestResponse forbidden = as(member).delete(path + "?purge=true");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(get(path).json().path("status").asText()).isEqualTo("ready");

        assertThat(as(key("admin")).delete(path + "?purge=true").status()).isEqualTo(202);
        runJobs();
        assertThat(get(path).json().path("status").asText()).isEqualTo("purged");
    }

    @Test
    void aDeleteConvergesAfterAWorkerDiedBetweenAnyTwoOfItsSteps() throws SQLException {
        convergesAfterACrashAtEveryStep(4, path -> {}, path -> delete(path), (path, credentials) -> {
            assertThat(get(path).json().path("status").asText()).isEqualTo("deleted");
            assertThatThrownBy(() -> count(credentials)).isInstanceOf(SQLException.class);
        });
    }

    @Test
    void aRestoreConvergesAfterAWorkerDiedBetweenAnyTwoOfItsSteps() throws SQLException {
        // Rename database and role, open both; then the access levels: the role joins the owner group and acts as
        // it (2), and gets its database back (1). The grants inside the database go through a connection of their own.
        convergesAfterACrashAtEveryStep(
                7,
                path -> {
                    delete(path);
                    runJobs();
                },
                path -> post(path + "/restore", "{}"),
                (path, credentials) -> {
                    assertThat(get(path).json().path("status").asText()).isEqualTo("ready");
                    assertThat(count(credentials)).isEqualTo(3);
                });
    }

    @Test
    void aPurgeConvergesAfterAWorkerDiedBetweenAnyTwoOfItsSteps() throws SQLException {
        // Revoke, drop database, drop role, then the three groups.
        convergesAfterACrashAtEveryStep(
                6,
                path -> {
                    delete(path);
                    runJobs();
                },
                path -> delete(path + "?purge=true"),
                (path, credentials) -> {
                    assertThat(get(path).json().path("status").asText()).isEqualTo("purged");
                    DatabaseId id = DatabaseId.parse(path.substring("/v1/databases/".length()));
                    assertNothingLeft(id, credentials.path("username").asText());
                });
    }

    /**
     * For each of the {@code steps} statements the job sends to the cluster, and once more after its last one (between
     * the cluster and the record): a new database, brought to where the job starts by {@code before}, the request
     * that starts it, a worker that dies there, and another worker that takes the job once the lease has expired.
     */
    private void convergesAfterACrashAtEveryStep(
            int steps, Consumer<String> before, Consumer<String> request, Outcome expected) throws SQLException {
        for (int crashAt = 1; crashAt <= steps + 1; crashAt++) {
            String path = createReady("crash-" + crashAt);
            JsonNode credentials = get(path + "/credentials").json();
            writeRows(credentials, 3);
            before.accept(path);
            request.accept(path);

            if (crashAt <= steps) {
                admin.crashBeforeStatement(crashAt);
            } else {
                admin.crashBeforeStatement(0);
                dieAfterTheCluster.set(true);
            }
            assertThatThrownBy(() -> wiring.jobRunner().runNext("worker-that-dies"))
                    .as("a crash before statement %d", crashAt)
                    .isInstanceOf(FaultyAdmin.WorkerDied.class);
            assertThat(admin.statementsSeen()).isEqualTo(Math.min(crashAt, steps));
            admin.crashBeforeStatement(0);
            dieAfterTheCluster.set(false);
            clock.advance(LEASE.plusSeconds(1));
            runJobs();

            expected.check(path, credentials);
        }
    }

    /** Dies, when told to, after the cluster did its part and before the record says so. */
    private final class DiesAfterTheCluster extends ForwardingProvisioner {
        DiesAfterTheCluster(Provisioner delegate) {
            super(delegate);
        }

        @Override
        public void deprovision(DatabaseId id, NameOnCluster name) {
            delegate.deprovision(id, name);
            dieIfTold();
        }

        @Override
        public void deactivate(DatabaseId id, NameOnCluster name) {
            delegate.deactivate(id, name);
            dieIfTold();
        }

        @Override
        public void reactivate(DatabaseId id, NameOnCluster name) {
            delegate.reactivate(id, name);
            dieIfTold();
        }

        private void dieIfTold() {
            if (dieAfterTheCluster.get()) {
                throw new FaultyAdmin.WorkerDied("after the cluster, before the record");
            }
        }
    }

    @FunctionalInterface
    private interface Outcome {
        void check(String path, JsonNode credentials) throws SQLException;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private String createReady(String name) {
        TestResponse created = post("/v1/databases", """
                {"name": "%s", "owner_team": "%s", "purpose": "deletion test"}""".formatted(name, team));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        runJobs();
        String path = "/v1/databases/" + created.json().path("id").asText();
        assertThat(get(path).json().path("status").asText()).isEqualTo("ready");
        return path;
    }

    private String key(String role) {
        return post("/v1/teams/" + team + "/api-keys", "{\"role\": \"" + role + "\"}")
                .json()
                .path("token")
                .asText();
    }

    private void runJobs() {
        for (int run = 0; wiring.jobRunner().runNext("worker"); run++) {
            assertThat(run).as("jobs still due after 20 runs").isLessThan(20);
        }
    }

    private static Connection connect(JsonNode credentials) throws SQLException {
        String url = "jdbc:postgresql://" + credentials.path("host").asText() + ":"
                + credentials.path("port").asInt() + "/"
                + credentials.path("database").asText()
                + "?connectTimeout=5";
        return DriverManager.getConnection(
                url,
                credentials.path("username").asText(),
                credentials.path("password").asText());
    }

    private static void writeRows(JsonNode credentials, int rows) throws SQLException {
        try (Connection session = connect(credentials);
                Statement statement = session.createStatement()) {
            statement.execute("CREATE TABLE orders (id int PRIMARY KEY)");
            statement.execute("INSERT INTO orders SELECT generate_series(1, " + rows + ")");
        }
    }

    private static int count(JsonNode credentials) throws SQLException {
        try (Connection session = connect(credentials);
                Statement statement = session.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM orders")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private void assertNothingLeft(DatabaseId id, String name) throws SQLException {
        for (String onCluster : List.of(name, NameOnCluster.parked(id).value())) {
            assertThat(exists("SELECT 1 FROM pg_database WHERE datname = ?", onCluster))
                    .as("database %s", onCluster)
                    .isFalse();
            assertThat(exists("SELECT 1 FROM pg_roles WHERE rolname = ?", onCluster))
                    .as("role %s", onCluster)
                    .isFalse();
        }
    }

    private boolean exists(String sql, String name) throws SQLException {
        try (Connection connection = postgres.dataSource("postgres").getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
