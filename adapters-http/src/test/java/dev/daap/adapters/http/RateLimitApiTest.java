package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.openapi.OpenApiDocument;
import dev.daap.adapters.http.ratelimit.RateLimitSettings;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limits over HTTP, with small quotas: 5 requests a second per key, 3 refused tokens a minute per address. */
class RateLimitApiTest {
    private static final String POLICY = "\"minute\";q=700;w=60, \"burst\";q=5;w=1";
    private TestApi api;

    @BeforeEach
    void start() {
        api = TestApi.start(HttpSettings.defaults().withRateLimits(new RateLimitSettings(700, 5, 3, 1_000)));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void everyAnswerShowsThePolicyAndWhatIsLeftUntilTheBurstIsSpent() {
        TestResponse first = api.get("/v1/databases");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Policy")).isEqualTo(POLICY);
        assertThat(first.header("RateLimit")).isEqualTo("\"minute\";r=699;t=1, \"burst\";r=4;t=1");
        TestResponse notFound = api.get("/v1/databases/0190f7a4-0000-7000-8000-000000000000");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("RateLimit")).startsWith("\"minute\";r=69");
        // A token comes back every 200 ms, so a slow machine may get one or two more through before the 429.
        TestResponse refused = api.get("/v1/me");
        for (int sent = 3; refused.status() == 200 && sent < 30; sent++) {
            refused = api.get("/v1/me");
        }

        ApiTest.assertProblem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo(POLICY);
        assertThat(refused.header("RateLimit")).contains("\"burst\";r=0;");
    }

    @Test
    void eachKeyHasABucketOfItsOwn() {
        String other = api.issueKey("payments", Role.VIEWER);
        int passed = 0;
        while (api.get("/v1/me").status() == 200) {
            passed++;
        }
        assertThat(passed).isBetween(5, 30);
        TestResponse others = api.as(other).get("/v1/me");
        assertThat(others.status()).isEqualTo(200);
        assertThat(others.header("RateLimit")).contains("\"burst\";r=4;");
    }

    @Test
    void anAddressThatSpentItsRefusedTokensIsRefusedBeforeItsTokenIsLookedUp() {
        var stranger = api.as("daap_unknown0_" + "0123456789abcdef0123456789abcdef");
        for (int i = 2; i >= 0; i--) {
            TestResponse refused = stranger.get("/v1/databases");
            ApiTest.assertProblem(refused, 401, "unauthenticated");
            assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"auth-failures\";q=3;w=60");
            assertThat(refused.header("RateLimit")).startsWith("\"auth-failures\";r=" + i + ";");
        }

        TestResponse limited = stranger.get("/v1/databases");
        ApiTest.assertProblem(limited, 429, "rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 20);
        // The address is spent: no token from it is even looked up, a good one neither, until one is allowed again
        ApiTest.assertProblem(api.get("/v1/me"), 429, "rate-limited");
    }

    @Test
    void theContractShowsTheLimitsOnEveryOperationThatHasThem() {
        JsonNode document = OpenApiDocument.read();
        List<String> missing = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/v1/") || path.getKey().equals(Routes.OPENAPI)) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                JsonNode responses = operation.getValue().path("responses");
                if (!operation.getValue().has("operationId")) {
                    return; // the path's shared parameters
                }
                String name = operation.getKey() + " " + path.getKey();
                if (!responses.has("429")) {
                    missing.add(name + ": 429");
                }
                responses.properties().forEach(response -> {
                    JsonNode headers = resolve(document, response.getValue()).path("headers");
                    if (!headers.has("RateLimit") || !headers.has("RateLimit-Policy")) {
                        missing.add(name + " " + response.getKey() + ": RateLimit headers");
                    }
                });
            });
        });
        assertThat(missing).isEmpty();
    }

    private static JsonNode resolve(JsonNode document, JsonNode response) {
        if (!response.has("$ref")) {
            return response;
        }
        return document.at(response.path("$ref").asText().substring(1));
    }

    @Test
    void theContractAndTheHealthChecksAreOutsideTheLimits() {
        for (int i = 0; i < 8; i++) {
            assertThat(api.as(null).get("/v1/openapi.json").status()).isEqualTo(200);
            assertThat(api.as(null).get("/health/live").status()).isEqualTo(200);
        }
        assertThat(api.as(null).get("/health/live").header("RateLimit")).isNull();
    }
}
