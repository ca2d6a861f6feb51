package dev.daap.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code promtool} and {@code prometheus} (installed by {@code .ci/run}), run by the tests as processes of
 * their own: a lint of the metrics text, and a real server with a scrape job for DAAP's management port.
 */
final class PrometheusTools {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private PrometheusTools() {}

    record CheckResult(int exitCode, String output) {}

    /** {@code promtool check metrics} on {@code metrics}: exit code 0 and no output when it finds nothing to lint. */
    static CheckResult checkMetrics(String metrics) throws Exception {
        Process process = new ProcessBuilder("promtool", "check", "metrics")
                .redirectErrorStream(true)
                .start();
        try (var stdin = process.getOutputStream()) {
            stdin.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("promtool did not finish within a minute");
        }
        return new CheckResult(process.exitValue(), output);
    }

    /** A Prometheus server in a temporary folder, scraping 127.0.0.1:{@code port} every second. */
    static RunningPrometheus scraping(int port) throws Exception {
        Path folder = Files.createTempDirectory("daap-prometheus");
        Path config = Files.writeString(folder.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: daap
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(port));
        int web = freePort();
        Process process = new ProcessBuilder(
                        "prometheus",
                        "--config.file=" + config,
                        "--storage.tsdb.path=" + folder.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + web)
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("prometheus.log").toFile())
                .start();
        return new RunningPrometheus(process, folder, web);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server; {@link #close()} stops it and removes its folder. */
    record RunningPrometheus(Process process, Path folder, int port) implements AutoCloseable {
        /** The result vector of an instant query; empty until a scrape has brought the series (or on any error). */
        JsonNode query(String promql) {
            try {
                HttpResponse<String> answer = CLIENT.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/query?query="
                                        + URLEncoder.encode(promql, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    return JSON.createArrayNode();
                }
                return JSON.readTree(answer.body()).path("data").path("result");
            } catch (IOException e) {
                if (!process.isAlive()) {
                    throw new AssertionError("prometheus exited: " + log(), e);
                }
                return JSON.createArrayNode(); // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String log() {
            try {
                return Files.readString(folder.resolve("prometheus.log"));
            } catch (IOException e) {
                return "(no log: " + e.getMessage() + ")";
            }
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }
}
