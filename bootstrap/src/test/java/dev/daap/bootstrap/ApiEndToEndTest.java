package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole server, started by the bootstrap code, driven over HTTP, on a real PostgreSQL 17. Workers are off
 * here: these tests are about the records; {@link ProvisioningEndToEndTest} runs the jobs.
 */
class ApiEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static RunningDaap daap;

    @BeforeAll
    static void start() {
        daap = RunningDaap.onFreshDatabase(Map.of("DAAP_WORKERS", "0"));
        daap.teamsExist("checkout", "race", "retry-team", "finance", "someone-else");
    }

    @AfterAll
    static void stop() {
        daap.close();
    }

    @Test
    void aDatabaseLivesThroughCreateReadChangeAndDelete() throws Exception {
        String name = uniqueName("orders");
        TestResponse created = daap.post("/v1/databases", """
                {"name": "%s", "owner_team": "checkout", "purpose": "Orders of the web shop", "labels": {"env": "prod"}}
                """.formatted(name));
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        assertThat(created.header("Location")).isEqualTo("/v1/databases/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(body.get("status").asText()).isEqualTo("pending");
        assertThat(body.get("owner_team").asText()).isEqualTo("checkout");
        assertThat(body.get("labels").get("env").asText()).isEqualTo("prod");
        assertThat(body.get("created_at").asText()).endsWith("Z");

        TestResponse read = daap.get("/v1/databases/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);

        TestResponse patched = daap.patch(
                "/v1/databases/" + id,
                "{\"purpose\": \"Orders and refunds\", \"labels\": {\"env\": null, \"tier\": \"gold\"}}",
                "If-Match",
                "\"1\"");
        assertThat(patched.status()).isEqualTo(200);
        JsonNode changed = patched.json();
        assertThat(changed.get("purpose").asText()).isEqualTo("Orders and refunds");
        assertThat(changed.get("labels")).isEqualTo(JSON.readTree("{\"tier\": \"gold\"}"));
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");

        TestResponse stale = daap.patch("/v1/databases/" + id, "{\"purpose\": \"lost update\"}", "If-Match", "\"1\"");
        assertProblem(stale, 412);

        TestResponse deleting = daap.delete("/v1/databases/" + id, "If-Match", "\"2\"");
        assertThat(deleting.status()).isEqualTo(202);
        assertThat(deleting.json().get("status").asText()).isEqualTo("deleting");
        assertThat(daap.delete("/v1/databases/" + id).status())
                .as("deleting twice is harmless")
                .isEqualTo(202);
        assertProblem(daap.post("/v1/databases", """
                {"name": "%s", "owner_team": "checkout", "purpose": "not free until it is gone"}""".formatted(name)), 409);
    }

    @Test
    void ofTwoConcurrentChangesWithTheSameIfMatchExactlyOneWins() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = createIn("race", "concurrent changes");
                var start = new java.util.concurrent.CyclicBarrier(2);
                List<Future<Integer>> answers = new ArrayList<>();
                for (String purpose : List.of("first writer", "second writer")) {
                    answers.add(clients.submit(() -> {
                        start.await();
                        return daap.patch(
                                        "/v1/databases/" + id,
                                        "{\"purpose\": \"" + purpose + "\"}",
                                        "If-Match",
                                        "\"1\"")
                                .status();
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 412);
                assertThat(daap.get("/v1/databases/" + id).json().get("version").asInt())
                        .isEqualTo(2);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aRetriedCreateWithAnIdempotencyKeyIsAnsweredAgainWithoutASecondDatabase() throws Exception {
        String name = uniqueName("retried");
        String key = "e2e-" + name;
        String body = "{\"name\": \"" + name + "\", \"owner_team\": \"retry-team\", \"purpose\": \"once\"}";
        TestResponse first = daap.post("/v1/databases", body, "Idempotency-Key", key);
        TestResponse replay = daap.post("/v1/databases", body, "Idempotency-Key", key);
        TestResponse reused = daap.post("/v1/databases", body.replace("once", "twice"), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.header("Location"))
                .isEqualTo(first.header("Location"))
                .isNotNull();
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(reused, 422);
        assertThat(daap.get("/v1/databases?q=" + name).json().get("items")).hasSize(1);
    }

    @Test
    void aLiveNameCannotBeTakenTwice() {
        String name = uniqueName("billing");
        String json = "{\"name\": \"%s\", \"owner_team\": \"finance\", \"purpose\": \"x\"}".formatted(name);
        assertThat(daap.post("/v1/databases", json).status()).isEqualTo(201);

        assertProblem(daap.post("/v1/databases", json), 409);
        assertThat(daap.get("/v1/databases?q=" + name).body()).contains(name);
    }

    @Test
    void listsFilterSearchAndPageWithoutGapsOrRepeatsWhileRowsAreInserted() throws Exception {
        String team = "team-" + NAMES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        daap.teamsExist(team);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            expected.add(createIn(team, "Keeps the ledger of shard " + i));
        }
        createIn("someone-else", "Keeps the ledger too");

        ExecutorService inserter = Executors.newSingleThreadExecutor();
        List<String> seen = new ArrayList<>();
        try {
            Future<?> concurrentInserts = inserter.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    createIn(team, "Inserted while paging " + i);
                }
            });
            String token = null;
            do {
                String query = "/v1/databases?owner_team=" + team + "&q=LEDGER&sort=created_at&page_size=5"
                        + (token == null ? "" : "&page_token=" + token);
                TestResponse page = daap.get(query);
                assertThat(page.status()).isEqualTo(200);
                JsonNode body = page.json();
                body.get("items").forEach(item -> seen.add(item.get("id").asText()));
                token = body.get("next_page_token").isNull()
                        ? null
                        : body.get("next_page_token").asText();
            } while (token != null);
            concurrentInserts.get();
        } finally {
            inserter.shutdownNow();
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void badInputGetsProblemsAndChangesNothing() throws Exception {
        assertProblem(daap.post("/v1/databases", "{\"name\": \"x\""), 400);
        assertProblem(
                daap.post("/v1/databases", "{\"name\": 42, \"owner_team\": \"a-team\", \"purpose\": \"p\"}"), 400);
        assertProblem(
                daap.post(
                        "/v1/databases",
                        "{\"name\": \"okay-name\", \"owner_team\": \"a-team\", \"purpose\": \"p\", \"size\": 3}"),
                400);
        TestResponse invalid =
                daap.post("/v1/databases", "{\"name\": \"9lives\", \"owner_team\": \"A\", \"purpose\": \"\"}");
        assertProblem(invalid, 422);
        assertThat(invalid.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("name", "owner_team", "purpose");
        assertProblem(daap.post("/v1/databases", "{\"purpose\": \"" + "x".repeat(2_000_000) + "\"}"), 413);
        assertProblem(daap.get("/v1/databases/not-a-uuid"), 400, 422);
        assertProblem(daap.get("/v1/databases?page_token=garbage"), 400, 422);
        assertProblem(daap.get("/v1/databases?page_size=5000"), 400, 422);
        assertProblem(daap.get("/v1/nothing-here"), 404);
        assertProblem(daap.send("PUT", "/v1/databases", null, "{}"), 405);
        assertThat(daap.get("/v1/databases?q=okay-name").body()).doesNotContain("okay-name");
    }

    /** PostgreSQL refuses NUL in text: these reached it once and answered 500. */
    @Test
    void aNulInAFilterIsAnInputProblemNotA500() throws Exception {
        for (String query : List.of("action=%00", "resource_type=%00", "action=a%00b", "resource_id=%00")) {
            TestResponse response = daap.get("/v1/audit-events?" + query);

            assertProblem(response, 422);
            assertThat(response.json().get("errors").findValuesAsText("field"))
                    .as(query)
                    .containsExactly(query.substring(0, query.indexOf('=')));
        }
        assertProblem(daap.get("/v1/databases?q=a%00b"), 422);
    }

    @Test
    void healthEndpointsAnswerWithoutTheApiPrefix() {
        assertThat(daap.get("/health/live").status()).isEqualTo(200);
        TestResponse ready = daap.get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("\"migrations\":\"current\"");
    }

    @Test
    void aTeamKeySeesItsTeamOnlyAndStopsWorkingWhenRevoked() throws Exception {
        String team = uniqueName("tenant");
        daap.teamsExist(team);
        String foreignId = createIn("finance", "not yours");
        JsonNode key = daap.post("/v1/teams/" + team + "/api-keys", "{\"role\": \"member\"}")
                .json();
        String token = key.path("token").asText();

        TestResponse created = daap.as(token)
                .post("/v1/databases", "{\"name\": \"" + uniqueName("mine") + "\", \"purpose\": \"team key\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("owner_team").asText()).isEqualTo(team);
        assertThat(daap.as(token).get("/v1/databases/" + foreignId).status()).isEqualTo(404);
        JsonNode listed = daap.as(token).get("/v1/databases").json();
        assertThat(listed.path("items")).hasSize(1);
        JsonNode audit = daap.get("/v1/audit-events?action=database.create&actor="
                        + key.path("id").asText())
                .json()
                .path("items");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).path("team").asText()).isEqualTo(team);

        assertThat(daap.delete("/v1/teams/" + team + "/api-keys/"
                                + key.path("id").asText())
                        .status())
                .isEqualTo(200);
        assertThat(daap.as(token).get("/v1/me").status()).isEqualTo(401);
    }

    private static String createIn(String team, String purpose) {
        TestResponse response = daap.post("/v1/databases", """
                {"name": "%s", "owner_team": "%s", "purpose": "%s"}""".formatted(uniqueName("db"), team, purpose));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    static void assertProblem(TestResponse response, Integer... statuses) {
        assertThat(response.status()).isIn((Object[]) statuses);
        assertThat(response.contentType()).startsWith("application/problem+json");
        try {
            JsonNode problem = response.json();
            assertThat(problem.get("type").asText()).startsWith("https://");
            assertThat(problem.get("title").asText()).isNotBlank();
            assertThat(problem.get("status").asInt()).isEqualTo(response.status());
            assertThat(problem.has("detail")).isTrue();
        } catch (Exception e) {
            throw new AssertionError("not a problem document: " + response.body(), e);
        }
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
    }
}
