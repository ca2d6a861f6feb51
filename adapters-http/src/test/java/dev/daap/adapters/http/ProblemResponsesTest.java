package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every failure, whoever detects it, goes out as an RFC 9457 problem with a stable type. */
class ProblemResponsesTest extends ApiTest {
    private static final String VALID = """
            {"name": "orders", "owner_team": "payments", "purpose": "Orders"}""";

    @Test
    void brokenJsonIsMalformed() {
        JsonNode problem = assertProblem(api.post("/v1/databases", "{\"name\": "), 400, "malformed-request");

        assertThat(problem.path("detail").asText()).contains("not valid JSON");
    }

    @Test
    void aScalarOfTheWrongTypeIsMalformedAndNamesTheField() {
        JsonNode problem = assertProblem(api.post("/v1/databases", """
                {"name": 42, "owner_team": "payments", "purpose": "Orders"}"""), 400, "malformed-request");

        assertThat(errorFields(problem)).containsExactly("name");
        assertThat(messageOf(problem, "name")).isEqualTo("must be a string");
    }

    @Test
    void aNestedValueOfTheWrongTypeNamesItsPath() {
        JsonNode problem = assertProblem(api.post("/v1/databases", """
                {"name": "orders", "owner_team": "payments", "purpose": "Orders", "labels": {"env": true}}"""), 400, "malformed-request");

        assertThat(errorFields(problem)).containsExactly("labels.env");
    }

    @Test
    void anUnknownFieldIsMalformed() {
        JsonNode problem = assertProblem(api.post("/v1/databases", """
                {"name": "orders", "owner_team": "payments", "purpose": "Orders", "colour": "red"}"""), 400, "malformed-request");

        assertThat(errorFields(problem)).containsExactly("colour");
    }

    @Test
    void trailingDataAfterTheObjectIsMalformed() {
        assertProblem(api.post("/v1/databases", VALID + " {}"), 400, "malformed-request");
        assertProblem(api.post("/v1/databases", VALID + " garbage"), 400, "malformed-request");
        assertThat(api.get("/v1/databases").json().path("items").isEmpty()).isTrue();
    }

    @Test
    void aRepeatedKeyIsMalformed() {
        JsonNode problem = assertProblem(api.post("/v1/databases", """
                {"name": "orders", "name": "invoices", "owner_team": "payments", "purpose": "Orders"}"""), 400, "malformed-request");

        assertThat(errorFields(problem)).containsExactly("name");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertProblem(api.post("/v1/databases", "[]"), 400, "malformed-request");
        assertProblem(api.post("/v1/databases", "null"), 400, "malformed-request");
        assertProblem(api.post("/v1/databases", ""), 400, "malformed-request");
    }

    @Test
    void aBodyOverTheLimitIsA413WhateverItsFraming() {
        api.close();
        api = TestApi.start(HttpSettings.defaults().withMaxRequestBytes(1024));
        String big = "{\"purpose\": \"" + "x".repeat(2000) + "\"}";
        byte[] bytes = big.getBytes(StandardCharsets.UTF_8);

        TestResponse withLength = api.post("/v1/databases", big);
        TestResponse chunked = api.send(api.request("/v1/databases", "Content-Type", TestClient.JSON)
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build());

        assertThat(assertProblem(withLength, 413, "payload-too-large")
                        .path("detail")
                        .asText())
                .contains("1024");
        assertProblem(chunked, 413, "payload-too-large");
        assertThat(api.post("/v1/databases", VALID).status()).isEqualTo(201);
    }

    @Test
    void aWrongOrMissingContentTypeIsA415() {
        assertProblem(api.send("POST", "/v1/databases", "text/plain", VALID), 415, "unsupported-media-type");
        assertProblem(api.send("POST", "/v1/databases", null, VALID), 415, "unsupported-media-type");
        assertProblem(
                api.send("POST", "/v1/databases", "application/json; charset=ISO-8859-1", VALID),
                415,
                "unsupported-media-type");
        assertProblem(api.send("POST", "/v1/databases", TestClient.MERGE_PATCH, VALID), 415, "unsupported-media-type");
        assertThat(api.send("POST", "/v1/databases", "Application/JSON; charset=utf-8", VALID)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        JsonNode problem = assertProblem(api.get("/v2/databases"), 404, "not-found");

        assertThat(problem.path("instance").asText()).isEqualTo("/v2/databases");
        assertProblem(api.get("/nothing-here"), 404, "not-found");
        assertProblem(api.get("/console/nothing-here"), 404, "not-found");
        assertThat(api.get("/").status()).as("the root leads to the console").isEqualTo(302);
    }

    @Test
    void aWrongMethodOnAKnownPathIsA405WithAllow() {
        TestResponse onItem = api.send("PUT", "/v1/databases/" + UUID.randomUUID(), TestClient.JSON, VALID);
        TestResponse onCollection = api.delete("/v1/databases");

        assertProblem(onItem, 405, "method-not-allowed");
        assertThat(onItem.header("Allow").split(", "))
                .contains("GET", "PATCH", "DELETE")
                .doesNotContain("PUT");
        assertProblem(onCollection, 405, "method-not-allowed");
        assertThat(onCollection.header("Allow").split(", "))
                .contains("GET", "POST")
                .doesNotContain("DELETE");
    }

    @Test
    void anUnavailableStoreIsA503WithRetryAfter() {
        api.databases.failWith(() -> new StoreUnavailableException("connection to 10.1.2.3:5432 refused", null));

        TestResponse response = api.get("/v1/databases");

        JsonNode problem = assertProblem(response, 503, "store-unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("2");
        assertThat(response.body()).doesNotContain("10.1.2.3");
    }

    @Test
    void anUnexpectedExceptionIsA500WithoutItsMessage() {
        api.databases.failWith(() -> new IllegalStateException("password=hunter2 in org.example.Secret"));

        TestResponse response = api.post("/v1/databases", VALID);

        JsonNode problem = assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("hunter2", "IllegalStateException", "org.example", "at dev.");
        assertThat(problem.path("detail").asText()).contains(response.header("X-Request-Id"));
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void anErrorThatIsNotAnExceptionIsA500Problem() {
        api.databases.failWith(() -> new AssertionError("invariant broken: secret detail"));

        TestResponse response = api.get("/v1/databases/" + UUID.randomUUID());

        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("secret", "AssertionError");
    }

    @Test
    void aSaneRequestIdIsEchoedAndAnInsaneOneReplaced() {
        TestResponse echoed = api.get("/v1/databases", "X-Request-Id", "abc-123_X.y");
        TestResponse tooLong = api.get("/v1/databases", "X-Request-Id", "a".repeat(65));
        TestResponse oddCharacters = api.get("/nowhere", "X-Request-Id", "abc def<script>");

        assertThat(echoed.header("X-Request-Id")).isEqualTo("abc-123_X.y");
        assertThat(UUID.fromString(tooLong.header("X-Request-Id"))).isNotNull();
        assertThat(assertProblem(oddCharacters, 404, "not-found")
                        .path("request_id")
                        .asText())
                .doesNotContain(" ", "<");
    }
}
