package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.migrations.MigrationStatus;
import dev.daap.migrations.Migrator;
import dev.daap.testing.http.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /v1/version on a running DAAP: the build's version and commit, the schema and the servers' versions; the same
 * answer on the management port, without a key.
 */
class VersionEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void saysWhatRunsOnWhichSchemaAndServers() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        try (RunningDaap daap = RunningDaap.start(env);
                CommandDatabase database = CommandDatabase.open(DaapConfig.fromEnvironment(withKey(env)), "test")) {
            TestResponse response = daap.get("/v1/version");

            assertThat(response.status()).isEqualTo(200);
            JsonNode version = JSON.readTree(response.body());
            assertThat(version.path("version").asText()).isEqualTo(projectVersion());
            assertThat(version.path("commit").asText()).isEqualTo(headOfThisCheckout());

            MigrationStatus status = new Migrator(database.dataSource(), "daap").status();
            JsonNode schema = version.path("schema");
            assertThat(schema.path("applied_changesets").asInt())
                    .isEqualTo(status.applied().size());
            assertThat(schema.path("known_changesets").asInt())
                    .isEqualTo(status.applied().size());
            assertThat(schema.path("latest_changeset").asText())
                    .isEqualTo(status.applied().getLast());

            String server = version.path("postgresql").path("daap").asText();
            assertThat(server).startsWith("17.");
            // No PROVISIONER_DATABASE_URL: databases are made on DAAP's own server, its one cluster.
            assertThat(version.path("postgresql")
                            .path("clusters")
                            .path("default")
                            .asText())
                    .isEqualTo(server);

            TestResponse onManagementPort = daap.management().get("/v1/version");
            assertThat(onManagementPort.status()).isEqualTo(200);
            assertThat(JSON.readTree(onManagementPort.body())).isEqualTo(version);
            assertThat(daap.as(null).get("/v1/version").status())
                    .as("the API port wants a key")
                    .isEqualTo(401);
        }
    }

    private static Map<String, String> withKey(Map<String, String> env) {
        var copy = new java.util.HashMap<>(env);
        copy.put("DAAP_SECRET_KEY", RunningDaap.TEST_KEY);
        return copy;
    }

    /** The version Maven builds, from the pom next to this module's tests. */
    private static String projectVersion() throws Exception {
        String pom = java.nio.file.Files.readString(Deployment.root().resolve("pom.xml"));
        var matcher = java.util.regex.Pattern.compile(
                        "<artifactId>daap-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** The commit checked out, asked of git as the build asks it (a worktree included). */
    private static String headOfThisCheckout() throws Exception {
        Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                .directory(Deployment.root().toFile())
                .start();
        String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(git.waitFor()).isZero();
        return head;
    }
}
