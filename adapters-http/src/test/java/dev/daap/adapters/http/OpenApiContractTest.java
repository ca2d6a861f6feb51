package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.openapi.OpenApiDocument;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.testing.contract.OpenApiContract;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every problem type the code can answer is in the document, with its status and title, as an example that is itself
 * a valid problem; and the contract check that every HTTP test's responses go through refuses what breaks the
 * document (a schema, an unlisted status, a problem type its response does not name), so it is not a check that
 * passes whatever it is given.
 */
class OpenApiContractTest {
    private final JsonNode examples = OpenApiDocument.read().path("components").path("examples");

    @Test
    void everyProblemTypeOfTheCodeHasAnExampleWithItsStatusAndTitle() throws IllegalAccessException {
        List<ProblemType> types = problemTypes();
        assertThat(types).hasSizeGreaterThan(20);

        for (ProblemType type : types) {
            JsonNode example = examples.path(type.code()).path("value");
            assertThat(example.isObject())
                    .as("components.examples.%s in %s", type.code(), OpenApiDocument.RESOURCE)
                    .isTrue();
            assertThat(example.path("type").asText()).isEqualTo(type.uri());
            assertThat(example.path("status").asInt()).as(type.code()).isEqualTo(type.status());
            assertThat(example.path("title").asText()).as(type.code()).isEqualTo(type.title());
        }
    }

    @Test
    void everyProblemExampleIsAValidProblem() {
        examples.properties().forEach(example -> {
            JsonNode value = example.getValue().path("value");
            OpenApiContract.check(
                    "GET",
                    URI.create("http://127.0.0.1/no-such-route"),
                    value.path("status").asInt(),
                    problemHeaders(),
                    value.toString());
        });
        assertThat(examples.size()).isGreaterThan(20);
    }

    @Test
    void aProblemThatBreaksTheSchemaFailsTheCheck() {
        String withoutRequestId = "{\"type\": \"https://daap.dev/problems/not-found\", \"title\": \"Not found\","
                + " \"status\": 404, \"detail\": \"there is no resource at /nowhere\"}";
        String withAnUnknownMember = "{\"type\": \"https://daap.dev/problems/not-found\", \"title\": \"Not found\","
                + " \"status\": 404, \"detail\": \"no\", \"request_id\": \"r1\", \"details\": \"Javalin's own\"}";

        for (String body : List.of(withoutRequestId, withAnUnknownMember)) {
            assertThatThrownBy(() -> OpenApiContract.check(
                            "GET", URI.create("http://127.0.0.1/nowhere"), 404, problemHeaders(), body))
                    .as(body)
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("does not allow");
        }
    }

    @Test
    void aDocumentedResponseThatBreaksItsSchemaFailsTheCheck() {
        var headers = java.net.http.HttpHeaders.of(
                Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("r1")), (n, v) -> true);

        assertThatThrownBy(() -> OpenApiContract.check(
                        "GET", URI.create("http://127.0.0.1/v1/me"), 200, headers, "{\"key_id\": \"not a uuid\"}"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /v1/me answered 200");
        String withAnUndocumentedMember = "{\"key_id\": \"019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b\", \"team\": null,"
                + " \"role\": \"platform_admin\", \"scopes\": []}";
        assertThatThrownBy(() -> OpenApiContract.check(
                        "GET", URI.create("http://127.0.0.1/v1/me"), 200, headers, withAnUndocumentedMember))
                .as("a member the document does not have")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("scopes");
        assertThatThrownBy(() -> OpenApiContract.check("GET", URI.create("http://127.0.0.1/v1/me"), 299, headers, "{}"))
                .as("a status the document does not list")
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aStatusOrProblemTypeThatTheOperationDoesNotListFailsTheCheck() {
        String teamNotFound = examples.path("team-not-found").path("value").toString();

        assertThatThrownBy(() -> OpenApiContract.check(
                        "GET", URI.create("http://127.0.0.1/v1/me"), 404, problemHeaders(), teamNotFound))
                .as("GET /v1/me lists no 404, and 404 is not a status every route shares")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("status 404 is not listed for GET /v1/me");
        assertThatThrownBy(() -> OpenApiContract.check(
                        "GET",
                        URI.create("http://127.0.0.1/v1/databases/019ab3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b"),
                        404,
                        problemHeaders(),
                        teamNotFound))
                .as("its 404 is database-not-found only")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("problem type https://daap.dev/problems/team-not-found is not among");
        OpenApiContract.check(
                "GET",
                URI.create("http://127.0.0.1/v1/teams/checkout"),
                404,
                problemHeaders(),
                teamNotFound); // and where it is listed, it passes
    }

    @Test
    void aRequestThatWasAcceptedMustBeOneTheDocumentDescribes() {
        String database = examples.path("database-not-found").path("value").toString(); // any body: not judged here
        var ok = Map.of("Content-Type", List.of("application/json"), "X-Request-Id", List.of("r1"));
        String page = "{\"items\": [], \"next_page_token\": null}";

        assertThatThrownBy(() -> OpenApiContract.check(
                        answer("GET", "/v1/databases?ownerteam=payments", Map.of(), 200, ok, page)))
                .as("a query parameter the document does not have")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the request was accepted but breaks the document")
                .hasMessageContaining("ownerteam");
        assertThatThrownBy(() ->
                        OpenApiContract.check(answer("GET", "/v1/databases?page_size=0", Map.of(), 200, ok, page)))
                .as("a value the document forbids")
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("the request was accepted but breaks the document")
                .hasMessageContaining("minimum");
        assertThatThrownBy(() -> OpenApiContract.check(answer(
                        "POST",
                        "/v1/teams/payments/api-keys",
                        Map.of("Content-Type", List.of("text/plain")),
                        404,
                        Map.of("Content-Type", List.of("application/problem+json"), "X-Request-Id", List.of("r1")),
                        database)))
                .as(
                        "a refused request is not judged, but its problem is: database-not-found is not a 404 of this route")
                .isInstanceOf(AssertionError.class)
                .hasMessageNotContaining("the request was accepted");
        OpenApiContract.check(answer(
                "GET",
                "/v1/events?format=json&type=cluster.health_changed",
                Map.of(),
                200,
                ok,
                "{\"items\": [], \"next_after\": null}")); // one value of an array parameter is no JSON to parse
        OpenApiContract.check(answer(
                "GET",
                "/health/live?probe=1",
                Map.of(),
                200,
                Map.of(
                        "Content-Type", List.of("application/json"),
                        "Cache-Control", List.of("no-store"),
                        "X-Request-Id", List.of("r1")),
                "{\"status\": \"up\"}")); // the health checks ignore unknown query parameters, and say so
    }

    /** A response to a request as the JDK's client would hand them to a test, without a server. */
    private static java.net.http.HttpResponse<String> answer(
            String method,
            String pathAndQuery,
            Map<String, List<String>> requestHeaders,
            int status,
            Map<String, List<String>> headers,
            String body) {
        var builder = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + pathAndQuery))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        requestHeaders.forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        var request = builder.build();
        var responseHeaders = java.net.http.HttpHeaders.of(headers, (name, value) -> true);
        return new java.net.http.HttpResponse<>() {
            @Override
            public int statusCode() {
                return status;
            }

            @Override
            public java.net.http.HttpRequest request() {
                return request;
            }

            @Override
            public java.util.Optional<java.net.http.HttpResponse<String>> previousResponse() {
                return java.util.Optional.empty();
            }

            @Override
            public java.net.http.HttpHeaders headers() {
                return responseHeaders;
            }

            @Override
            public String body() {
                return body;
            }

            @Override
            public java.util.Optional<javax.net.ssl.SSLSession> sslSession() {
                return java.util.Optional.empty();
            }

            @Override
            public URI uri() {
                return request.uri();
            }

            @Override
            public java.net.http.HttpClient.Version version() {
                return java.net.http.HttpClient.Version.HTTP_1_1;
            }
        };
    }

    private static java.net.http.HttpHeaders problemHeaders() {
        return java.net.http.HttpHeaders.of(
                Map.of("Content-Type", List.of("application/problem+json"), "X-Request-Id", List.of("r1")),
                (name, value) -> true);
    }

    /** Every constant of {@link ProblemType}: the types the code answers with by name. */
    private static List<ProblemType> problemTypes() throws IllegalAccessException {
        List<ProblemType> types = new ArrayList<>();
        for (Field field : ProblemType.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
                types.add((ProblemType) field.get(null));
            }
        }
        return types;
    }
}
