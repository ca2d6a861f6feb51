package dev.daap.bootstrap;

import static dev.daap.bootstrap.ApiEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DATABASE_URL pointing at a separately started PostgreSQL 15: start-up, the API, and an outage that DAAP rides
 * out without a restart (503 quickly while the server is gone, 200 again once it is back).
 */
class ExternalPostgresTest {
    private static DebianPostgres postgres;
    private static RunningDaap daap;

    @BeforeAll
    static void start() throws Exception {
        postgres = DebianPostgres.start();
        daap = RunningDaap.start(
                Map.of("PORT", "0", "DATABASE_URL", postgres.databaseUrl(), "DB_MIN_CONNS", "2", "DB_MAX_CONNS", "4"));
        daap.teamsExist("platform");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            daap.close();
        } finally {
            postgres.close();
        }
    }

    @Test
    void servesTheApiOnPostgres15AndSurvivesAnOutage() throws Exception {
        TestResponse created = daap.post(
                "/v1/databases",
                "{\"name\": \"on-fifteen\", \"owner_team\": \"platform\", \"purpose\": \"external server\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(daap.get("/health/ready").status()).isEqualTo(200);
        // Provisioned on PostgreSQL 15 too: DATABASE_URL is also the default target cluster.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> daap.get("/v1/databases/" + id)
                        .json()
                        .get("status")
                        .asText()
                        .equals("ready"));

        postgres.stop();
        Instant before = Instant.now();
        TestResponse duringOutage = daap.get("/v1/databases/" + id);
        assertProblem(duringOutage, 503);
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));
        assertThat(daap.get("/health/ready").status()).isEqualTo(503);
        assertProblem(
                daap.post(
                        "/v1/databases",
                        "{\"name\": \"during-outage\", \"owner_team\": \"platform\", \"purpose\": \"x\"}"),
                503);

        postgres.startAgain();
        awaitReady(Duration.ofSeconds(30));
        assertThat(daap.get("/v1/databases/" + id).status()).isEqualTo(200);
        assertThat(daap.get("/v1/databases?q=during-outage").body()).doesNotContain("during-outage");
    }

    private static void awaitReady(Duration timeout) {
        await().atMost(timeout).until(() -> daap.get("/health/ready").status() == 200);
    }
}
