package dev.daap.bootstrap;

import static dev.daap.bootstrap.ApiEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.TestResponse;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provisioning from the API to a real database and back: create, wait for ready, connect with the returned
 * credentials, rotate, delete and see it gone from the target cluster; a target that refuses; and failed databases
 * that are deleted without dropping what DAAP did not make.
 */
class ProvisioningEndToEndTest {
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void aDatabaseIsProvisionedUsedRotatedAndRemoved() throws Exception {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of("DAAP_JOB_POLL_INTERVAL", "1s"))) {
            daap.teamsExist("platform");
            String name = "e2e-" + Long.toHexString(System.nanoTime());
            String onCluster = "platform_" + name.replace('-', '_');
            TestResponse created = daap.post(
                    "/v1/databases",
                    "{\"name\": \"" + name + "\", \"owner_team\": \"platform\", \"purpose\": \"end to end\"}");
            assertThat(created.status()).isEqualTo(201);
            String id = created.json().get("id").asText();
            assertProblem(daap.get("/v1/databases/" + id + "/credentials"), 409);

            awaitStatus(daap, id, "ready");
            JsonNode credentials =
                    daap.get("/v1/databases/" + id + "/credentials").json();
            assertThat(credentials.get("database").asText()).isEqualTo(onCluster);
            assertThat(credentials.get("uri").asText()).startsWith("postgresql://" + onCluster + ":");
            String firstPassword = credentials.get("password").asText();
            try (Connection session = connect(credentials, firstPassword);
                    var statement = session.createStatement()) {
                statement.execute("CREATE TABLE orders (id int PRIMARY KEY)");
                statement.execute("INSERT INTO orders VALUES (1), (2)");
                try (var rows = statement.executeQuery("SELECT count(*) FROM orders")) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                }
            }
            assertThat(daap.get("/v1/databases?q=" + name).body()).doesNotContain(firstPassword);
            JsonNode operations =
                    daap.get("/v1/databases/" + id + "/operations").json();
            assertThat(operations.get("items").get(0).get("state").asText()).isEqualTo("succeeded");

            TestResponse rotated = daap.post("/v1/databases/" + id + "/credentials/rotate");
            assertThat(rotated.status()).isEqualTo(200);
            // The first owner's other login, with a new password: the username alternates with each rotation.
            JsonNode second = rotated.json();
            String secondPassword = second.get("password").asText();
            assertThat(secondPassword).isNotEqualTo(firstPassword);
            assertThat(second.get("username").asText())
                    .isNotEqualTo(credentials.get("username").asText());
            assertThatThrownBy(() -> connect(credentials, firstPassword).close())
                    .isInstanceOf(SQLException.class);
            try (Connection session = connect(second, secondPassword)) {
                assertThat(session.isValid(2)).isTrue();
            }

            try (Connection stillOpen = connect(second, secondPassword)) {
                assertThat(daap.delete("/v1/databases/" + id).status()).isEqualTo(202);
                awaitStatus(daap, id, "deleted");
                assertThat(stillOpen.isValid(2)).as("its sessions were ended").isFalse();
            }
            assertThat(existsOnTarget("SELECT count(*) FROM pg_database WHERE datname = ?", onCluster))
                    .as("parked, its name free")
                    .isFalse();
            assertThat(daap.delete("/v1/databases/" + id + "?purge=true").status())
                    .isEqualTo(202);
            awaitStatus(daap, id, "purged");
            assertThat(existsOnTarget(
                            "SELECT count(*) FROM pg_roles WHERE rolname = ?",
                            second.get("username").asText()))
                    .as("the first owner's other login went with it")
                    .isFalse();
            for (String left : List.of(
                    onCluster, NameOnCluster.parked(DatabaseId.parse(id)).value())) {
                assertThat(existsOnTarget("SELECT count(*) FROM pg_database WHERE datname = ?", left))
                        .isFalse();
                assertThat(existsOnTarget("SELECT count(*) FROM pg_roles WHERE rolname = ?", left))
                        .isFalse();
            }
            assertThat(daap.post(
                                    "/v1/databases",
                                    "{\"name\": \"" + name
                                            + "\", \"owner_team\": \"platform\", \"purpose\": \"again\"}")
                            .status())
                    .as("the name is free once the database is deleted")
                    .isEqualTo(201);
        }
    }

    @Test
    void aDefaultClusterThatCannotBeReachedAtStartIsRegisteredNotUpAndCreatesSaySo() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of(
                "PROVISIONER_DATABASE_URL",
                "postgres://admin:pw-" + closedPort + "@127.0.0.1:" + closedPort + "/postgres"))) {
            daap.teamsExist("platform");
            JsonNode cluster = daap.get("/v1/clusters/default").json();
            assertThat(cluster.get("health").get("status").asText()).isEqualTo("unknown");
            assertThat(cluster.get("health").get("error").asText()).contains("cannot reach");
            assertThat(cluster.get("connect_port").asInt()).isEqualTo(closedPort);

            TestResponse created = daap.post(
                    "/v1/databases",
                    "{\"name\": \"refused\", \"owner_team\": \"platform\", \"purpose\": \"nowhere to go\"}");

            assertThat(created.status()).isEqualTo(409);
            JsonNode problem = created.json();
            assertThat(problem.get("type").asText()).endsWith("/no-capacity");
            assertThat(problem.get("candidates").get(0).get("cluster").asText()).isEqualTo("default");
            assertThat(problem.get("candidates").get(0).get("reason").asText()).isEqualTo("down");
            assertThat(created.body()).doesNotContain("pw-" + closedPort, "admin:");
            assertThat(daap.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void aFailedDatabaseIsDeletedAndOnlyWhatDaapMadeIsDropped() throws Exception {
        String suffix = Long.toHexString(System.nanoTime());
        String admin = "admin-losing-createdb-" + suffix;
        String taken = "taken-" + suffix; // somebody else's database: provisioning makes nothing
        String halfMade = "half-made-" + suffix; // provisioning makes the role, then may not create the database
        String takenOnCluster = "platform_taken_" + suffix;
        String halfMadeOnCluster = "platform_half_made_" + suffix;
        try {
            onTarget("CREATE ROLE " + quoted(admin) + " LOGIN CREATEROLE CREATEDB PASSWORD 'admin-password'");
            // Every DAAP started on this server closes postgres to PUBLIC: an admin that is no superuser gets
            // CONNECT of its own, as an operator gives it.
            onTarget("GRANT CONNECT ON DATABASE postgres TO " + quoted(admin));
            onTarget("CREATE DATABASE " + quoted(takenOnCluster));
            onTarget("COMMENT ON DATABASE " + quoted(takenOnCluster) + " IS 'analytics'");
            try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of(
                    "PROVISIONER_DATABASE_URL",
                    "postgres://" + admin + ":admin-password@" + postgres.host() + ":" + postgres.port() + "/postgres",
                    "DAAP_JOB_MAX_ATTEMPTS",
                    "2",
                    "DAAP_JOB_RETRY_BASE",
                    "100ms",
                    "DAAP_JOB_POLL_INTERVAL",
                    "200ms"))) {
                daap.teamsExist("platform");
                // The admin was good enough to register; it loses CREATEDB afterwards.
                onTarget("ALTER ROLE " + quoted(admin) + " NOCREATEDB");
                String takenId = create(daap, taken);
                String halfMadeId = create(daap, halfMade);
                assertThat(awaitStatus(daap, takenId, "failed")
                                .get("failure_reason")
                                .asText())
                        .contains("a database named " + takenOnCluster + " already exists on the target");
                assertThat(awaitStatus(daap, halfMadeId, "failed")
                                .get("failure_reason")
                                .asText())
                        .contains("CREATEDB");
                assertThat(existsOnTarget("SELECT count(*) FROM pg_roles WHERE rolname = ?", halfMadeOnCluster))
                        .as("the half-made database left its role")
                        .isTrue();

                for (String id : List.of(takenId, halfMadeId)) {
                    TestResponse deleting = daap.delete("/v1/databases/" + id);
                    assertThat(deleting.status()).isEqualTo(202);
                    assertThat(deleting.json().get("status").asText()).isEqualTo("deleting");
                    awaitStatus(daap, id, "deleted");
                    JsonNode deactivate = daap.get("/v1/operations/"
                                    + deleting.json().get("latest_operation_id").asText())
                            .json();
                    assertThat(deactivate.get("state").asText()).isEqualTo("succeeded");
                    assertThat(daap.delete("/v1/databases/" + id + "?purge=true")
                                    .status())
                            .isEqualTo(202);
                    awaitStatus(daap, id, "purged");
                }
            }
            assertThat(existsOnTarget("SELECT count(*) FROM pg_roles WHERE rolname = ?", halfMadeOnCluster))
                    .isFalse();
            assertThat(existsOnTarget(
                            "SELECT count(*) FROM pg_database WHERE datname = ?"
                                    + " AND shobj_description(oid, 'pg_database') = 'analytics'",
                            takenOnCluster))
                    .as("somebody else's database is left as it was")
                    .isTrue();
        } finally {
            onTarget("DROP DATABASE IF EXISTS " + quoted(takenOnCluster));
            onTarget("DROP ROLE IF EXISTS " + quoted(halfMadeOnCluster));
            onTarget("REVOKE CONNECT ON DATABASE postgres FROM " + quoted(admin)); // a grant keeps a role
            onTarget("DROP ROLE IF EXISTS " + quoted(admin));
        }
    }

    private static String create(RunningDaap daap, String name) throws Exception {
        TestResponse created = daap.post(
                "/v1/databases", "{\"name\": \"" + name + "\", \"owner_team\": \"platform\", \"purpose\": \"fails\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** Names made by the test itself, so quoting without escaping is safe here. */
    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private void onTarget(String sql) throws SQLException {
        try (Connection admin = postgres.dataSource("postgres").getConnection();
                var statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

    private static JsonNode awaitStatus(RunningDaap daap, String id, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> daap.get("/v1/databases/" + id).json(),
                        body -> status.equals(body.get("status").asText()));
    }

    private static Connection connect(JsonNode credentials, String password) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://" + credentials.get("host").asText() + ":"
                        + credentials.get("port").asInt() + "/"
                        + credentials.get("database").asText(),
                credentials.get("username").asText(),
                password);
    }

    private boolean existsOnTarget(String sql, String name) throws SQLException {
        try (Connection admin = postgres.dataSource("postgres").getConnection();
                var statement = admin.prepareStatement(sql)) {
            statement.setString(1, name);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1) > 0;
            }
        }
    }
}
