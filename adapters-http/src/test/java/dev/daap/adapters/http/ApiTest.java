package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Starts a fresh server for every test and checks problem responses the same way everywhere. */
abstract class ApiTest {
    protected TestApi api;

    @BeforeEach
    void startServer() {
        api = TestApi.start();
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    /** Asserts an RFC 9457 problem of the given status and code, and returns its body. */
    static JsonNode assertProblem(TestResponse response, int status, String code) {
        assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("type").asText()).isEqualTo("https://daap.dev/problems/" + code);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("status").isInt()).isTrue();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("request_id").asText())
                .isEqualTo(response.header("X-Request-Id"))
                .isNotBlank();
        return problem;
    }

    /** The {@code field} of every entry of a problem's {@code errors}. */
    static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
        return fields;
    }

    static String messageOf(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error for field " + field + " in " + problem);
    }
}
