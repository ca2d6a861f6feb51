package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live events across instances on one metadata database: a stream on instance A follows a database that instance
 * B creates and provisions, and a team's stream sees nothing of another team.
 */
class EventsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        client.shutdownNow();
        for (AutoCloseable closeable : open.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aStreamOnOneInstanceFollowsADatabaseCreatedThroughAnother() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        RunningDaap b = started(withEnv(env, Map.of("DAAP_WORKERS", "1", "DAAP_JOB_POLL_INTERVAL", "1s")));
        RunningDaap a = started(withEnv(env, Map.of("DAAP_WORKERS", "0")));
        b.teamsExist("other-team");
        String otherTeamKey = JSON.readTree(b.post("/v1/teams/other-team/api-keys", "{\"role\": \"viewer\"}")
                        .body())
                .path("token")
                .asText();
        BlockingQueue<String> adminLines = subscribe(a, RunningDaap.ADMIN_TOKEN);
        BlockingQueue<String> otherTeamLines = subscribe(a, otherTeamKey);

        String id = JSON.readTree(b.post(
                                "/v1/databases",
                                "{\"name\": \"followed\", \"owner_team\": \"payments\", " + "\"purpose\": \"watched\"}")
                        .body())
                .path("id")
                .asText();

        List<JsonNode> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            drain(adminLines, seen);
            return seen.stream()
                    .anyMatch(event ->
                            "ready".equals(event.path("data").path("to").asText()));
        });
        assertThat(seen)
                .allSatisfy(
                        event -> assertThat(event.path("resource_id").asText()).isEqualTo(id));
        assertThat(seen.stream().map(EventsEndToEndTest::describe).toList())
                .containsExactly(
                        "database.created",
                        "database.status_changed pending->provisioning",
                        "database.status_changed provisioning->ready");
        List<JsonNode> leaked = new ArrayList<>();
        drain(otherTeamLines, leaked);
        assertThat(leaked).isEmpty();
    }

    private static String describe(JsonNode event) {
        String type = event.path("type").asText();
        return type.equals("database.status_changed")
                ? type + " " + event.path("data").path("from").asText() + "->"
                        + event.path("data").path("to").asText()
                : type;
    }

    private RunningDaap started(Map<String, String> env) {
        RunningDaap daap = RunningDaap.start(env);
        open.add(daap);
        return daap;
    }

    private static Map<String, String> withEnv(Map<String, String> base, Map<String, String> extra) {
        var env = new java.util.HashMap<>(base);
        env.putAll(extra);
        return env;
    }

    /** Opens a stream and returns the lines that arrive on it; waits until the stream has started. */
    private BlockingQueue<String> subscribe(RunningDaap daap, String token) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(daap.uri("/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        CompletableFuture<HttpResponse<Stream<String>>> response =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> started = response.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(started.statusCode()).isEqualTo(200);
        OpenApiContract.checkWithoutBody(started); // the stream's status and headers; its body never ends
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                started.body().forEach(lines::add);
            } catch (UncheckedIOException e) {
                // the stream ended when the test closed the client
            }
        });
        open.add(reader::interrupt);
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(line -> line.startsWith("retry:")));
        return lines;
    }

    /** Moves the events whose data lines have arrived into {@code into}, as JSON. */
    private static void drain(BlockingQueue<String> lines, List<JsonNode> into) throws IOException {
        String line;
        while ((line = lines.poll()) != null) {
            if (line.startsWith("data: ")) {
                into.add(JSON.readTree(line.substring("data: ".length())));
            }
        }
    }
}
