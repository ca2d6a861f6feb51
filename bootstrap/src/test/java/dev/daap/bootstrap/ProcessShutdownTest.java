package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** `serve` as its own process, stopped with SIGTERM: it drains, closes the pool and stops the embedded server. */
class ProcessShutdownTest {
    private static final Pattern READY = Pattern.compile("DAAP is ready on port (\\d+)");
    private static final Pattern EMBEDDED = Pattern.compile("embedded PostgreSQL listening on 127\\.0\\.0\\.1:(\\d+)");

    @Test
    void sigtermStopsEverythingCleanly() throws Exception {
        Path dataDir = Files.createTempDirectory("daap-sigterm-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        var builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "serve")
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().put("PORT", "0");
        builder.environment().put("DAAP_DATA_DIR", dataDir.toString());
        Process process = builder.start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> read(process, lines));
        try {
            int port = Integer.parseInt(await(lines, READY, process));
            int postgresPort = Integer.parseInt(await(lines, EMBEDDED, process));
            HttpResponse<String> live = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(live.statusCode()).isEqualTo(200);

            process.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output we read
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("stopped within a minute")
                    .isTrue();
            reader.get(10, TimeUnit.SECONDS);

            assertThat(String.join("\n", lines))
                    .contains("Shutting down", "embedded PostgreSQL stopped", "DAAP stopped");
            assertThat(listening(port)).isFalse();
            assertThat(listening(postgresPort)).isFalse();
        } finally {
            process.destroyForcibly();
            new ProcessBuilder("rm", "-rf", dataDir.toString()).start().waitFor();
        }
    }

    /** Waits for a log line, not for a time: returns the pattern's group once the line appears. */
    private static String await(List<String> lines, Pattern pattern, Process process) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher.group(1);
                }
            }
            assertThat(process.isAlive())
                    .as("DAAP exited early:\n" + String.join("\n", lines))
                    .isTrue();
            synchronized (lines) {
                try {
                    lines.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new AssertionError("no line matching " + pattern + " in:\n" + String.join("\n", lines));
    }

    private static void read(Process process, List<String> lines) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                synchronized (lines) {
                    lines.notifyAll();
                }
            }
        } catch (Exception e) {
            lines.add("(reading the output failed: " + e + ")");
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
