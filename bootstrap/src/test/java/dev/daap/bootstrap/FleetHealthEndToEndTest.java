package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The running server watches its fleet by itself: the probe task of a started DAAP checks the default cluster (the
 * shared test server) and fills the sizes, and at start DAAP closed the cluster's own databases to its tenants.
 */
class FleetHealthEndToEndTest {
    private static final TestPostgres postgres = TestPostgres.shared();

    @Test
    void theProbeTaskWatchesTheDefaultClusterAndItsTenantsReachOnlyTheirOwnDatabase() throws Exception {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of(
                "DAAP_CLUSTER_PROBE_INTERVAL", "2s",
                "DAAP_CLUSTER_PROBE_TIMEOUT", "1s",
                "DAAP_JOB_POLL_INTERVAL", "200ms"))) {
            daap.teamsExist("platform");
            String id = daap.post("/v1/databases", """
                            {"name": "watched", "owner_team": "platform", "purpose": "probed"}""").json().get("id").asText();
            JsonNode ready = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> daap.get("/v1/databases/" + id).json(),
                            database -> database.path("status").asText().equals("ready"));

            JsonNode measured = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> daap.get("/v1/databases/" + id).json(),
                            database -> database.path("storage_bytes").asLong() > 0);
            JsonNode cluster = await("the probe sees the cluster closed to PUBLIC (the isolation runs beside start-up)")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> daap.get("/v1/clusters/default").json(), found -> {
                        List<String> open = new ArrayList<>();
                        found.path("health").path("public_connect_databases").forEach(name -> open.add(name.asText()));
                        // other tests may have made databases since, which are open until the next start
                        return found.path("health").path("checked_at").isTextual()
                                && !open.contains("postgres")
                                && !open.contains("template1");
                    });
            assertThat(cluster.path("storage_bytes").asLong())
                    .isGreaterThanOrEqualTo(measured.path("storage_bytes").asLong());
            JsonNode health = cluster.path("health");
            assertThat(health.path("status").asText()).isEqualTo("up");
            assertThat(health.path("consecutive_failures").asInt()).isZero();
            assertThat(health.path("max_connections").asInt()).isPositive();

            JsonNode credentials =
                    daap.get("/v1/databases/" + id + "/credentials").json();
            String role = credentials.path("username").asText();
            String password = credentials.path("password").asText();
            try (Connection own = connect(credentials.path("database").asText(), role, password)) {
                assertThat(own.isValid(2)).isTrue();
            }
            for (String other : List.of("postgres", "template1")) {
                assertThatThrownBy(() -> connect(other, role, password).close())
                        .as(other)
                        .isInstanceOf(SQLException.class)
                        .extracting(error -> ((SQLException) error).getSQLState())
                        .isEqualTo("42501");
            }
            assertThat(ready.path("cluster").asText()).isEqualTo("default");
        }
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(database), user, password);
    }
}
