package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.http.SseConnection;
import dev.daap.testing.http.TestClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live events across instances on one metadata database: a stream on instance A follows a database that instance
 * B creates and provisions, and a team's stream sees nothing of another team.
 */
class EventsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
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
        String otherTeamKey = b.post("/v1/teams/other-team/api-keys", "{\"role\": \"viewer\"}")
                .json()
                .path("token")
                .asText();
        SseConnection adminStream = subscribe(a.client());
        SseConnection otherTeamStream = subscribe(a.as(otherTeamKey));

        String id = b.post(
                        "/v1/databases",
                        "{\"name\": \"followed\", \"owner_team\": \"payments\", " + "\"purpose\": \"watched\"}")
                .json()
                .path("id")
                .asText();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> events(adminStream).stream()
                        .anyMatch(event ->
                                "ready".equals(event.path("data").path("to").asText())));
        List<JsonNode> seen = events(adminStream);
        assertThat(seen)
                .allSatisfy(
                        event -> assertThat(event.path("resource_id").asText()).isEqualTo(id));
        assertThat(seen.stream().map(EventsEndToEndTest::describe).toList())
                .containsExactly(
                        "database.created",
                        "database.status_changed pending->provisioning",
                        "database.status_changed provisioning->ready");
        assertThat(events(otherTeamStream)).isEmpty();
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

    /** Opens a stream; it returns once the server has subscribed it, so every later event reaches it. */
    private SseConnection subscribe(TestClient client) {
        SseConnection stream = SseConnection.open(client, "/v1/events", Map.of());
        open.add(stream);
        return stream;
    }

    /** The events the stream received so far, as JSON. */
    private static List<JsonNode> events(SseConnection stream) throws IOException {
        List<JsonNode> events = new ArrayList<>();
        for (SseConnection.Message message : stream.messages()) {
            events.add(JSON.readTree(message.data()));
        }
        return events;
    }
}
