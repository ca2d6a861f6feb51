package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The running server samples its databases' usage by itself: the probe of the default cluster (the shared test
 * server) leaves samples, and the usage reads show the hour not folded yet, with the sessions open on the database.
 */
class UsageEndToEndTest {
    private static final TestPostgres postgres = TestPostgres.shared();

    @Test
    void theProbesSamplesShowInTheDatabasesAndTheTeamsUsage() throws Exception {
        try (RunningDaap daap = RunningDaap.onFreshDatabase(Map.of(
                "DAAP_CLUSTER_PROBE_INTERVAL", "2s",
                "DAAP_CLUSTER_PROBE_TIMEOUT", "1s",
                "DAAP_JOB_POLL_INTERVAL", "200ms"))) {
            daap.teamsExist("platform");
            String id = daap.post("/v1/databases", """
                            {"name": "sampled", "owner_team": "platform", "purpose": "usage"}""").json().get("id").asText();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> daap.get("/v1/databases/" + id).json(),
                            database -> database.path("status").asText().equals("ready"));
            JsonNode credentials =
                    daap.get("/v1/databases/" + id + "/credentials").json();
            try (Connection session = DriverManager.getConnection(
                    postgres.jdbcUrl(credentials.path("database").asText()),
                    credentials.path("username").asText(),
                    credentials.path("password").asText())) {
                assertThat(session.isValid(2)).isTrue();

                JsonNode point = await("a sample that saw the open session")
                        .atMost(Duration.ofSeconds(60))
                        .until(
                                () -> daap.get("/v1/databases/" + id + "/usage")
                                        .json()
                                        .path("points"),
                                points -> points.size() == 1
                                        && points.get(0).path("connections_max").asInt() >= 1)
                        .get(0);
                assertThat(point.path("storage_bytes").path("avg").asLong()).isPositive();
                assertThat(point.path("storage_bytes").path("max").asLong())
                        .isGreaterThanOrEqualTo(
                                point.path("storage_bytes").path("avg").asLong());
                assertThat(point.path("samples").asLong()).isPositive();
            }
            JsonNode team = daap.get("/v1/teams/platform/usage").json();
            assertThat(team.path("granularity").asText()).isEqualTo("day");
            assertThat(team.path("points")).hasSize(1);
            assertThat(team.path("points").get(0).path("databases").asInt()).isEqualTo(1);
            assertThat(team.path("points")
                            .get(0)
                            .path("storage_bytes")
                            .path("avg")
                            .asLong())
                    .isPositive();
        }
    }
}
