package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.Purpose;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PATCH with and without {@code If-Match}: a change is never written over one it did not see. */
class ConditionalPatchApiTest extends ApiTest {
    private String path;

    @BeforeEach
    void createDatabase() {
        path = "/v1/databases/" + api.create("orders").path("id").asText();
    }

    @Test
    void aMatchingIfMatchIsAccepted() {
        assertThat(api.patch(path, "{\"purpose\": \"a\"}", "If-Match", "\"1\"").status())
                .isEqualTo(200);
        assertThat(api.patch(path, "{\"purpose\": \"b\"}", "If-Match", "\"7\", \"2\"")
                        .status())
                .isEqualTo(200);
        assertThat(api.patch(path, "{\"purpose\": \"c\"}", "If-Match", "*").status())
                .isEqualTo(200);
        assertThat(api.get(path).header("ETag")).isEqualTo("\"4\"");
    }

    @Test
    void aStaleIfMatchIsA412AndChangesNothing() {
        api.patch(path, "{\"purpose\": \"first\"}");

        ApiResponse response = api.patch(path, "{\"purpose\": \"second\"}", "If-Match", "\"1\"");

        JsonNode problem = assertProblem(response, 412, "version-mismatch");
        assertThat(problem.path("detail").asText()).contains("\"2\"");
        assertThat(response.header("ETag")).isNull();
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("first");
    }

    @Test
    void aWeakTagNeverMatches() {
        ApiResponse response = api.patch(path, "{\"purpose\": \"x\"}", "If-Match", "W/\"1\"");

        assertProblem(response, 412, "version-mismatch");
    }

    @Test
    void aMalformedIfMatchIsA400() {
        ApiResponse response = api.patch(path, "{\"purpose\": \"x\"}", "If-Match", "1");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(errorFields(problem)).containsExactly("If-Match");
        assertThat(api.get(path).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aConcurrentChangeWithoutIfMatchIsA409NotALostUpdate() {
        changeConcurrentlyOnSecondLookup();

        ApiResponse response = api.patch(path, "{\"labels\": {\"env\": \"prod\"}}");

        assertProblem(response, 409, "concurrent-modification");
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("changed meanwhile");
    }

    @Test
    void aConcurrentChangeAfterAMatchingIfMatchIsA412() {
        changeConcurrentlyOnSecondLookup();

        ApiResponse response = api.patch(path, "{\"labels\": {\"env\": \"prod\"}}", "If-Match", "\"1\"");

        assertProblem(response, 412, "version-mismatch");
    }

    /** Another writer changes the database between the handler's read and the use case's read. */
    private void changeConcurrentlyOnSecondLookup() {
        var lookups = new AtomicInteger();
        api.databases.beforeFind(id -> {
            if (lookups.incrementAndGet() == 2) {
                Database current = api.store.find(id).orElseThrow();
                var changes = new DatabaseChanges(Optional.of(new Purpose("changed meanwhile")), null, null);
                api.store.update(current.change(changes, api.clock.instant()), current.version());
            }
        });
    }
}
