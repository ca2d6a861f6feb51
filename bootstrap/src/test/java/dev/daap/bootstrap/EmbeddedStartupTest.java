package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.embedded.EmbeddedPostgresException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Without DATABASE_URL: the embedded PostgreSQL under DAAP_DATA_DIR, kept across restarts, stopped on close. */
class EmbeddedStartupTest {
    private Path dataDir;

    @BeforeEach
    void createDataDir() throws Exception {
        dataDir = Files.createTempDirectory("daap-embedded-start-");
        // The server's own user (nobody, when tests run as root) must pass through to its cluster.
        Files.setPosixFilePermissions(dataDir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void deleteDataDir() throws Exception {
        new ProcessBuilder("rm", "-rf", dataDir.toString()).start().waitFor();
    }

    @Test
    void keepsItsDataAcrossRestartsAndStopsTheServerOnClose() throws Exception {
        Map<String, String> env = Map.of("PORT", "0", "DAAP_DATA_DIR", dataDir.toString());
        String id;
        try (RunningDaap first = RunningDaap.start(env)) {
            first.teamsExist("platform");
            var created = first.post(
                    "/v1/databases",
                    "{\"name\": \"kept-across-restarts\", \"owner_team\": \"platform\", \"purpose\": \"persistence\"}");
            assertThat(created.status()).isEqualTo(201);
            id = created.headers().firstValue("Location").orElseThrow();
        }
        int postgresPort = embeddedPort();
        assertThat(listening(postgresPort))
                .as("the embedded server stops with DAAP")
                .isFalse();

        try (RunningDaap second = RunningDaap.start(env)) {
            assertThat(second.get(id).status()).isEqualTo(200);
            assertThat(second.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void listensOnLoopbackOnlyAndKeepsItsSecretPrivate() throws Exception {
        try (RunningDaap daap = RunningDaap.start(Map.of("PORT", "0", "DAAP_DATA_DIR", dataDir.toString()))) {
            String config = Files.readString(dataDir.resolve("postgres/pgdata/postmaster.opts"));
            assertThat(config).contains("listen_addresses=127.0.0.1");
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("postgres/superuser-password")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.readString(dataDir.resolve("postgres/pgdata/pg_hba.conf")))
                    .contains("scram-sha-256")
                    .doesNotContainPattern("(?m)^[^#].*\\btrust\\b");
            assertThat(daap.get("/health/ready").status()).isEqualTo(200);
        }
    }

    @Test
    void aSecondInstanceOnTheSameDataDirectoryIsRefusedClearly() {
        Map<String, String> env = Map.of("PORT", "0", "DAAP_DATA_DIR", dataDir.toString());
        try (RunningDaap ignored = RunningDaap.start(env)) {
            assertThatThrownBy(() -> RunningDaap.start(env))
                    .isInstanceOf(EmbeddedPostgresException.class)
                    .hasMessageContaining("another process already runs the embedded PostgreSQL");
        }
    }

    private int embeddedPort() throws Exception {
        String options = Files.readString(dataDir.resolve("postgres/pgdata/postmaster.opts"));
        Matcher port = Pattern.compile("\"-p\" \"(\\d+)\"").matcher(options);
        assertThat(port.find()).as("port in postmaster.opts: " + options).isTrue();
        return Integer.parseInt(port.group(1));
    }

    private static boolean listening(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
