package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code daap admin create-key} against each database {@code serve} can use: the embedded one when no serve runs
 * (the command starts and stops it), the embedded one while a serve runs it (the command connects to it), and an
 * external one. Each key it prints authenticates over HTTP, and its audit entry names the command line.
 */
class AdminCreateKeyEndToEndTest {
    private static final Pattern CREATED =
            Pattern.compile("Created the platform admin API key ([0-9a-f-]{36})[\\s\\S]*\\n    (daap_\\S+)\\n");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path dataDir;

    @BeforeEach
    void createDataDir() throws Exception {
        dataDir = Files.createTempDirectory("daap-admin-key-");
        // The server's own user (nobody, when tests run as root) must pass through to its cluster.
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteDataDir() throws Exception {
        new ProcessBuilder("rm", "-rf", dataDir.toString()).start().waitFor();
    }

    @Test
    void onAnEmbeddedDataDirectoryThatNoServeRuns() throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "DAAP_DATA_DIR", dataDir.toString());
        try (RunningDaap ignored = RunningDaap.start(env)) {
            // an installation whose first key is lost
        }

        assertThat(run(env, "admin", "create-key", "--description", "after the first key was lost"))
                .as(stderr())
                .isZero();
        Created created = created();
        assertThat(stdout()).contains("after the first key was lost", "shown this once");
        assertThat(Files.exists(dataDir.resolve("postgres/pgdata/postmaster.pid")))
                .as("the command stopped the server it started")
                .isFalse();

        try (RunningDaap daap = RunningDaap.start(env)) {
            assertWorksAndIsAuditedAsTheCommandLine(created, daap.client());
        }
    }

    @Test
    void whileServeRunsOnTheEmbeddedServer() throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "DAAP_DATA_DIR", dataDir.toString());
        try (ServeProcess serve = ServeProcess.start(Map.of(
                "PORT", "0", "DAAP_DATA_DIR", dataDir.toString(), DaapConfig.ADMIN_TOKEN, RunningDaap.ADMIN_TOKEN))) {
            int port = Integer.parseInt(serve.await(ServeProcess.READY));

            assertThat(run(env, "admin", "create-key")).as(stderr()).isZero();
            Created created = created();
            try (TestClient client = TestClient.to("http://127.0.0.1:" + port)) {
                assertWorksAndIsAuditedAsTheCommandLine(created, client);
            }
            assertThat(run(env, "migrate", "status")).as(stderr()).isZero();
            assertThat(stdout()).contains("0 pending");

            assertThat(serve.stop()).isTrue();
            assertThat(serve.output())
                    .as("the commands left the server to its owner")
                    .contains("embedded PostgreSQL stopped", "DAAP stopped");
        }
    }

    @Test
    void onAnExternalServer() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_SECRET_KEY", RunningDaap.TEST_KEY);

        assertThat(run(env, "admin", "create-key")).isEqualTo(1);
        assertThat(stderr()).contains("pending changeset(s)", "daap migrate up");
        assertThat(run(env, "migrate", "up")).as(stderr()).isZero();
        assertThat(run(env, "admin", "create-key", "--description", "ops"))
                .as(stderr())
                .isZero();
        Created created = created();

        try (RunningDaap daap = RunningDaap.start(env)) {
            assertWorksAndIsAuditedAsTheCommandLine(created, daap.client());
        }
    }

    @Test
    void aBadCommandLineExitsWithTwoAndShowsTheUsage() {
        assertThat(run(Map.of(), "admin", "create-key", "--description")).isEqualTo(2);
        assertThat(stderr()).contains("--description needs a text", "admin create-key [--description TEXT]");
        assertThat(run(Map.of(), "admin", "make-key")).isEqualTo(2);
        assertThat(stderr()).contains("unknown admin command 'make-key'");
    }

    private void assertWorksAndIsAuditedAsTheCommandLine(Created created, TestClient server) {
        TestResponse me = server.as(created.token()).get("/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("role").asText()).isEqualTo("platform_admin");
        assertThat(me.json().path("key_id").asText()).isEqualTo(created.keyId());

        TestResponse audit =
                server.as(created.token()).get("/v1/audit-events?action=api_key.create&resource_id=" + created.keyId());
        assertThat(audit.status()).isEqualTo(200);
        JsonNode entries = audit.json().path("items");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).path("actor").toString())
                .isEqualTo("{\"type\":\"cli\",\"key_id\":null,\"team\":null}");
        assertThat(entries.get(0).path("after").path("role").asText()).isEqualTo("platform_admin");
    }

    private Created created() {
        Matcher matcher = CREATED.matcher(stdout());
        assertThat(matcher.find()).as("a created key in:\n" + stdout()).isTrue();
        return new Created(matcher.group(1), matcher.group(2));
    }

    private int run(Map<String, String> env, String... args) {
        out.reset();
        err.reset();
        Map<String, String> withDataDir = new HashMap<>(env);
        withDataDir.putIfAbsent("DAAP_DATA_DIR", dataDir.toString()); // never ./data of the checkout
        return Main.run(
                List.of(args),
                withDataDir,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private record Created(String keyId, String token) {}
}
