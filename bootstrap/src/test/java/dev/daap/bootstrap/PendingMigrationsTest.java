package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.http.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code serve} with DAAP_MIGRATE_ON_START=false on a schema with a change pending: unready with the reason on the
 * API port and the management port alike (where the probes ask), 503 under /v1 instead of 500s from missing
 * columns while the management port still says what runs, and unready still after {@code migrate up} until it is
 * restarted, since it started no workers; the restarted instance is ready.
 */
class PendingMigrationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER_ADMIN = "daap_pending_" + "0123456789abcdef0123456789abcdef";

    @Test
    void anInstanceOnAStaleSchemaSaysWhyAndServesNothingUntilRestarted() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_SECRET_KEY", RunningDaap.TEST_KEY);
        env.put("DAAP_MIGRATE_ON_START", "false");
        // Not the token RunningDaap creates its teams with: nothing under /v1 is expected to work here.
        env.put(DaapConfig.ADMIN_TOKEN, OTHER_ADMIN);
        assertThat(cli(env, "migrate", "up")).isZero();
        assertThat(cli(env, "migrate", "down")).isZero(); // the newest changeset pending again

        try (RunningDaap daap = RunningDaap.start(env)) {
            TestResponse ready = daap.get("/health/ready");
            assertThat(ready.status()).isEqualTo(503);
            assertThat(JSON.readTree(ready.body())
                            .path("checks")
                            .path("migrations")
                            .asText())
                    .contains("1 pending changeset(s)", "DAAP_MIGRATE_ON_START=false", "daap migrate up", "restart");
            TestResponse managementReady = daap.management().get("/health/ready");
            assertThat(managementReady.status()).isEqualTo(503);
            assertThat(JSON.readTree(managementReady.body())).isEqualTo(JSON.readTree(ready.body()));

            TestResponse list = daap.as(OTHER_ADMIN).get("/v1/databases");
            assertThat(list.status()).isEqualTo(503);
            JsonNode problem = JSON.readTree(list.body());
            assertThat(problem.path("type").asText()).endsWith("/service-unavailable");
            assertThat(problem.path("detail").asText()).contains("pending changeset(s)", "restart");
            assertThat(daap.get("/health/live").status()).isEqualTo(200);
            assertThat(daap.as(OTHER_ADMIN).get("/v1/version").status()).isEqualTo(503);
            TestResponse version = daap.management().get("/v1/version");
            assertThat(version.status()).isEqualTo(200);
            JsonNode schema = JSON.readTree(version.body()).path("schema");
            assertThat(schema.path("applied_changesets").asInt())
                    .isEqualTo(schema.path("known_changesets").asInt() - 1);

            assertThat(cli(env, "migrate", "up")).isZero();
            TestResponse afterMigration = daap.get("/health/ready");
            assertThat(afterMigration.status()).isEqualTo(503);
            assertThat(JSON.readTree(afterMigration.body())
                            .path("checks")
                            .path("migrations")
                            .asText())
                    .contains("applied after this instance started", "restart it");
            assertThat(JSON.readTree(daap.management().get("/health/ready").body()))
                    .isEqualTo(JSON.readTree(afterMigration.body()));
        }

        try (RunningDaap restarted = RunningDaap.start(env)) {
            assertThat(restarted.get("/health/ready").status()).isEqualTo(200);
        }
    }

    private static int cli(Map<String, String> env, String... args) {
        var err = new ByteArrayOutputStream();
        int exit = Main.run(
                List.of(args),
                env,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return exit;
    }
}
