package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.testing.Gate;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key} on POST: the first answer is kept and replayed; the work is done once. */
class IdempotencyKeyApiTest extends ApiTest {
    private static final String KEY = "Idempotency-Key";
    private static final String REPLAYED = "Idempotent-Replayed";
    private static final String ORDERS = """
            {"name": "orders", "owner_team": "payments", "purpose": "Orders"}""";

    @Test
    void aReplayedCreateAnswersTheSameAndCreatesNothingMore() {
        TestResponse first = api.post("/v1/databases", ORDERS, KEY, "create-orders-1");
        TestResponse again = api.post("/v1/databases", ORDERS, KEY, "create-orders-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag")).isNotNull();
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(api.get("/v1/databases").json().path("items")).hasSize(1);
        assertThat(api.jobs.forDatabase(DatabaseId.parse(first.json().path("id").asText()), 10))
                .hasSize(1);
    }

    @Test
    void idempotencyKeysBelongToTheApiKeyThatSentThem() {
        String first = api.issueKey("payments", dev.daap.domain.access.Role.MEMBER);
        String second = api.issueKey("payments", dev.daap.domain.access.Role.MEMBER);

        TestResponse one =
                api.as(first).post("/v1/databases", "{\"name\": \"one-db\", \"purpose\": \"p\"}", KEY, "shared-key");
        TestResponse other =
                api.as(second).post("/v1/databases", "{\"name\": \"other-db\", \"purpose\": \"p\"}", KEY, "shared-key");

        assertThat(one.status()).isEqualTo(201);
        assertThat(other.status()).as("not a reuse of the first key's request").isEqualTo(201);
        assertThat(other.header(REPLAYED)).isNull();
        assertThat(other.json().path("name").asText()).isEqualTo("other-db");
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422Problem() {
        api.post("/v1/databases", ORDERS, KEY, "k-1");

        TestResponse reused = api.post("/v1/databases", ORDERS.replace("orders", "invoices"), KEY, "k-1");

        JsonNode problem = assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(problem.path("detail").asText()).contains("different request");
        assertThat(api.get("/v1/databases").json().path("items")).hasSize(1);
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherRequest() {
        String path = api.createReady("orders");
        api.post("/v1/databases", ORDERS.replace("orders", "invoices"), KEY, "k-2");

        assertProblem(api.send("POST", path + "/retry", null, null, KEY, "k-2"), 422, "idempotency-key-reused");
    }

    @Test
    void aReplayWhileTheFirstStillRunsIsA409AndTheFirstStillAnswers() throws Exception {
        var firstIsRunning = new Gate();
        api.databases.beforeAdd(database -> firstIsRunning.hold());
        CompletableFuture<TestResponse> first =
                CompletableFuture.supplyAsync(() -> api.post("/v1/databases", ORDERS, KEY, "k-3"));
        firstIsRunning.awaitReached();

        TestResponse second = api.post("/v1/databases", ORDERS, KEY, "k-3");
        firstIsRunning.open();

        assertProblem(second, 409, "idempotency-key-in-use");
        assertThat(second.header("Retry-After")).isEqualTo("1");
        assertThat(first.get(20, TimeUnit.SECONDS).status()).isEqualTo(201);
        TestResponse third = api.post("/v1/databases", ORDERS, KEY, "k-3");
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.header(REPLAYED)).isEqualTo("true");
    }

    @Test
    void aValidationAnswerIsKeptAndReplayedToo() {
        String invalid = """
                {"name": "Not Valid!", "owner_team": "payments", "purpose": "Orders"}""";
        TestResponse first = api.post("/v1/databases", invalid, KEY, "k-4");

        TestResponse again = api.post("/v1/databases", invalid, KEY, "k-4");

        assertProblem(first, 422, "invalid-input");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.header(REPLAYED)).isEqualTo("true");
        assertThat(again.body()).as("the first answer, request id and all").isEqualTo(first.body());
        assertThat(again.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
    }

    @Test
    void aServerErrorIsNotKeptSoTheRetryRunsAgain() {
        api.databases.failWith(() -> new IllegalStateException("the store broke"));
        assertProblem(api.post("/v1/databases", ORDERS, KEY, "k-5"), 500, "internal-error");
        api.databases.failWith(null);

        TestResponse retry = api.post("/v1/databases", ORDERS, KEY, "k-5");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isNull();
        assertThat(api.get("/v1/databases").json().path("items")).hasSize(1);
    }

    @Test
    void aKeyWhoseRequestFailedWhileTheDatabaseWasAwayIsFreeOnceItIsBack() {
        // The database goes away after the key was claimed: the create fails with 503, and so does the release.
        api.databases.beforeAdd(database -> {
            api.scriptedIdempotency.away(true);
            throw new StoreUnavailableException("the database is out of reach", null);
        });
        assertProblem(api.post("/v1/databases", ORDERS, KEY, "k-8"), 503, "store-unavailable");
        api.databases.beforeAdd(database -> {});
        api.scriptedIdempotency.away(false);
        api.clock.advance(Duration.ofSeconds(5));

        TestResponse retry = api.post("/v1/databases", ORDERS, KEY, "k-8");

        assertThat(retry.status()).as(retry.body()).isEqualTo(201);
        assertThat(retry.header(REPLAYED)).isNull();
        assertThat(api.post("/v1/databases", ORDERS, KEY, "k-8").header(REPLAYED))
                .isEqualTo("true");
        assertThat(api.get("/v1/databases").json().path("items")).hasSize(1);
    }

    @Test
    void anErrorThatEscapesTheHandlerReleasesTheKeyToo() {
        api.databases.failWith(() -> new AssertionError("invariant broken"));
        assertProblem(api.post("/v1/databases", ORDERS, KEY, "k-6"), 500, "internal-error");
        api.databases.failWith(null);

        assertThat(api.post("/v1/databases", ORDERS, KEY, "k-6").status()).isEqualTo(201);
    }

    @Test
    void aKeyMustBeOneToTwoHundredFiftyFiveVisibleAsciiCharacters() {
        for (String bad : new String[] {"", "has space", "x".repeat(256)}) {
            JsonNode problem = assertProblem(api.post("/v1/databases", ORDERS, KEY, bad), 400, "malformed-request");
            assertThat(errorFields(problem)).as("key %s", bad).containsExactly(KEY);
        }
        assertThat(api.idempotency.size()).isZero();

        assertThat(api.post("/v1/databases", ORDERS, KEY, "~!" + "x".repeat(253))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void rotatingCredentialsRefusesAKeyBecauseTheAnswerIsASecret() {
        String path = api.createReady("orders");
        String password = api.vault.read(idOf(path)).orElseThrow();

        TestResponse response = api.send("POST", path + "/credentials/rotate", null, null, KEY, "k-7");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(problem.path("detail").asText()).contains("Idempotency-Key", "secret");
        assertThat(api.vault.read(idOf(path))).contains(password);
        assertThat(api.idempotency.size()).isZero();
        assertThat(api.post(path + "/credentials/rotate").status()).isEqualTo(200);
    }

    @Test
    void aPostWithoutAKeyIsNeitherKeptNorReplayed() {
        TestResponse first = api.post("/v1/databases", ORDERS);
        TestResponse second = api.post("/v1/databases", ORDERS);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header(REPLAYED)).isNull();
        assertProblem(second, 409, "name-taken");
        assertThat(api.idempotency.size()).isZero();
    }

    private static DatabaseId idOf(String path) {
        return DatabaseId.parse(path.substring(path.lastIndexOf('/') + 1));
    }
}
