package dev.daap.bootstrap;

import static dev.daap.bootstrap.ApiEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.TestPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Provisioning from the API to a real database and back: create, wait for ready, connect with the returned
 * credentials, rotate, delete and see it gone from the target cluster; and a target that refuses.
 */
class ProvisioningEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void aDatabaseIsProvisionedUsedRotatedAndRemoved() throws Exception {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of("DAAP_JOB_POLL_INTERVAL", "1s"))) {
            daap.teamsExist("platform");
            String name = "e2e-" + Long.toHexString(System.nanoTime());
            HttpResponse<String> created = daap.post(
                    "/v1/databases",
                    "{\"name\": \"" + name + "\", \"owner_team\": \"platform\", \"purpose\": \"end to end\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String id = JSON.readTree(created.body()).get("id").asText();
            assertProblem(daap.get("/v1/databases/" + id + "/credentials"), 409);

            awaitStatus(daap, id, "ready");
            JsonNode credentials = JSON.readTree(
                    daap.get("/v1/databases/" + id + "/credentials").body());
            assertThat(credentials.get("database").asText()).isEqualTo(name);
            assertThat(credentials.get("uri").asText()).startsWith("postgresql://" + name + ":");
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
            JsonNode operations = JSON.readTree(
                    daap.get("/v1/databases/" + id + "/operations").body());
            assertThat(operations.get("items").get(0).get("state").asText()).isEqualTo("succeeded");

            HttpResponse<String> rotated = daap.send(
                    java.net.http.HttpRequest.newBuilder(daap.uri("/v1/databases/" + id + "/credentials/rotate"))
                            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(rotated.statusCode()).isEqualTo(200);
            String secondPassword =
                    JSON.readTree(rotated.body()).get("password").asText();
            assertThat(secondPassword).isNotEqualTo(firstPassword);
            assertThatThrownBy(() -> connect(credentials, firstPassword).close())
                    .isInstanceOf(SQLException.class);
            try (Connection session = connect(credentials, secondPassword)) {
                assertThat(session.isValid(2)).isTrue();
            }

            try (Connection stillOpen = connect(credentials, secondPassword)) {
                assertThat(daap.delete("/v1/databases/" + id).statusCode()).isEqualTo(202);
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> daap.get("/v1/databases/" + id).statusCode() == 404);
            }
            assertThat(existsOnTarget("SELECT count(*) FROM pg_database WHERE datname = ?", name))
                    .isFalse();
            assertThat(existsOnTarget("SELECT count(*) FROM pg_roles WHERE rolname = ?", name))
                    .isFalse();
            assertThat(daap.post(
                                    "/v1/databases",
                                    "{\"name\": \"" + name
                                            + "\", \"owner_team\": \"platform\", \"purpose\": \"again\"}")
                            .statusCode())
                    .as("the name is free once the database is gone")
                    .isEqualTo(201);
        }
    }

    @Test
    void aTargetThatRefusesFailsTheDatabaseWithAReasonAndTheApiStaysUp() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of(
                "PROVISIONER_DATABASE_URL",
                "postgres://admin:pw@127.0.0.1:" + closedPort + "/postgres",
                "DAAP_JOB_MAX_ATTEMPTS",
                "2",
                "DAAP_JOB_RETRY_BASE",
                "100ms",
                "DAAP_JOB_POLL_INTERVAL",
                "200ms"))) {
            daap.teamsExist("platform");
            HttpResponse<String> created = daap.post(
                    "/v1/databases",
                    "{\"name\": \"refused-" + Long.toHexString(System.nanoTime())
                            + "\", \"owner_team\": \"platform\", \"purpose\": \"nowhere to go\"}");
            String id = JSON.readTree(created.body()).get("id").asText();

            JsonNode failed = awaitStatus(daap, id, "failed");
            assertThat(failed.get("failure_reason").asText()).contains("cannot reach the target cluster");
            JsonNode operation = JSON.readTree(daap.get("/v1/operations/"
                            + failed.get("latest_operation_id").asText())
                    .body());
            assertThat(operation.get("state").asText()).isEqualTo("failed");
            assertThat(operation.get("attempts").asInt()).isEqualTo(2);
            assertThat(daap.get("/health/ready").statusCode()).isEqualTo(200);

            HttpResponse<String> retried = daap.post("/v1/databases/" + id + "/retry", "{}");
            assertThat(retried.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(retried.body()).get("latest_operation_id").asText())
                    .isNotEqualTo(failed.get("latest_operation_id").asText());
        }
    }

    private static JsonNode awaitStatus(RunningDaap daap, String id, String status) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> JSON.readTree(daap.get("/v1/databases/" + id).body()),
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
