package dev.daap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteDatabaseApiTest extends ApiTest {

    @Test
    void deleteAnswers204AndTheDatabaseIsGone() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();

        ApiResponse response = api.delete(path);

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertProblem(api.get(path), 404, "database-not-found");
        assertThat(api.get("/v1/databases").json().path("items").isEmpty()).isTrue();
        assertProblem(api.delete(path), 404, "database-not-found");
    }

    @Test
    void theNameIsFreeAgainAfterDelete() {
        api.delete("/v1/databases/" + api.create("orders").path("id").asText());

        JsonNode again = api.create("orders");

        assertThat(again.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aMatchingIfMatchDeletes() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();

        assertThat(api.delete(path, "If-Match", "\"1\"").status()).isEqualTo(204);
    }

    @Test
    void aStaleIfMatchIsA412AndDeletesNothing() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        api.patch(path, "{\"purpose\": \"changed\"}");

        ApiResponse response = api.delete(path, "If-Match", "\"1\"");

        assertProblem(response, 412, "version-mismatch");
        assertThat(api.get(path).status()).isEqualTo(200);
    }

    @Test
    void aMalformedIfMatchIsA400() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();

        assertProblem(api.delete(path, "If-Match", "\"1"), 400, "malformed-request");
        assertThat(api.get(path).status()).isEqualTo(200);
    }

    @Test
    void deletingAnUnknownDatabaseIsA404() {
        assertProblem(api.delete("/v1/databases/" + UUID.randomUUID()), 404, "database-not-found");
    }
}
