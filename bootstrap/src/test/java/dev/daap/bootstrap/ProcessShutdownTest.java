package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.http.TestClient;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `serve` as its own process, stopped with SIGTERM: it drains, closes the pool and stops the embedded server. */
class ProcessShutdownTest {
    private static final Pattern EMBEDDED = Pattern.compile("embedded PostgreSQL listening on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermStopsEverythingCleanly() throws Exception {
        Path dataDir = Files.createTempDirectory("daap-sigterm-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ServeProcess serve = ServeProcess.start(Map.of("PORT", "0", "DAAP_DATA_DIR", dataDir.toString()))) {
            int port = Integer.parseInt(serve.await(ServeProcess.READY));
            int postgresPort = Integer.parseInt(serve.await(EMBEDDED));
            try (TestClient client = TestClient.to("http://127.0.0.1:" + port)) {
                assertThat(client.get("/health/ready").status()).isEqualTo(200);
            }

            assertThat(serve.stop()).as("stopped within a minute").isTrue();

            assertThat(serve.output()).contains("Shutting down", "embedded PostgreSQL stopped", "DAAP stopped");
            assertThat(listening(port)).isFalse();
            assertThat(listening(postgresPort)).isFalse();
        } finally {
            new ProcessBuilder("rm", "-rf", dataDir.toString()).start().waitFor();
        }
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
