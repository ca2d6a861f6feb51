package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.Purpose;
import dev.daap.testing.http.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

        TestResponse response = api.patch(path, "{\"purpose\": \"second\"}", "If-Match", "\"1\"");

        JsonNode problem = assertProblem(response, 412, "version-mismatch");
        assertThat(problem.path("detail").asText()).contains("\"2\"");
        assertThat(response.header("ETag")).isNull();
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("first");
    }

    @Test
    void aWeakTagNeverMatches() {
        TestResponse response = api.patch(path, "{\"purpose\": \"x\"}", "If-Match", "W/\"1\"");

        assertProblem(response, 412, "version-mismatch");
    }

    @Test
    void aMalformedIfMatchIsA400() {
        TestResponse response = api.patch(path, "{\"purpose\": \"x\"}", "If-Match", "1");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(errorFields(problem)).containsExactly("If-Match");
        assertThat(api.get(path).json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aConcurrentChangeWithoutIfMatchIsRetriedOverItNotALostUpdate() {
        changeConcurrentlyJustBeforeTheWrites(1);

        TestResponse response = api.patch(path, "{\"labels\": {\"env\": \"prod\"}}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("changed meanwhile");
        assertThat(api.get(path).json().path("labels").path("env").asText()).isEqualTo("prod");
    }

    @Test
    void aConcurrentChangeOnEveryAttemptWithoutIfMatchIsA409NotALostUpdate() {
        changeConcurrentlyJustBeforeTheWrites(3);

        TestResponse response = api.patch(path, "{\"labels\": {\"env\": \"prod\"}}");

        assertProblem(response, 409, "concurrent-modification");
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("changed meanwhile");
        assertThat(api.get(path).json().path("labels").isEmpty()).isTrue();
    }

    @Test
    void aConcurrentChangeAfterAMatchingIfMatchIsA412() {
        changeConcurrentlyJustBeforeTheWrites(1);

        TestResponse response = api.patch(path, "{\"labels\": {\"env\": \"prod\"}}", "If-Match", "\"1\"");

        assertProblem(response, 412, "version-mismatch");
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("changed meanwhile");
    }

    @Test
    void aPatchReadsChecksMergesAndWritesInOneTransaction() {
        api.patch(path, "{\"labels\": {\"env\": \"dev\", \"tier\": \"gold\"}}");
        List<String> storeCalls = recordStoreCalls();
        int before = api.transactions.opened();

        TestResponse response =
                api.patch(path, "{\"labels\": {\"env\": \"prod\", \"tier\": null}}", "If-Match", "\"2\"");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("labels").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("env");
        assertThat(api.transactions.opened() - before).isEqualTo(1);
        assertThat(storeCalls).containsExactly("find in a transaction", "update in a transaction");
    }

    @Test
    void aStaleIfMatchIsRefusedInsideTheOneTransactionWithoutAWrite() {
        api.patch(path, "{\"purpose\": \"first\"}");
        List<String> storeCalls = recordStoreCalls();
        int before = api.transactions.opened();

        assertProblem(api.patch(path, "{\"purpose\": \"second\"}", "If-Match", "\"1\""), 412, "version-mismatch");

        assertThat(api.transactions.opened() - before).isEqualTo(1);
        assertThat(storeCalls).containsExactly("find in a transaction");
    }

    /** Another writer commits a change between the use case's read and its write, before each of the first {@code racedWrites} writes. */
    private void changeConcurrentlyJustBeforeTheWrites(int racedWrites) {
        var writes = new AtomicInteger();
        api.databases.beforeUpdate(changing -> {
            if (writes.incrementAndGet() <= racedWrites) {
                Database current = api.store.find(changing.id()).orElseThrow();
                var changes = new DatabaseChanges(Optional.of(new Purpose("changed meanwhile")), null, null);
                api.store.update(current.change(changes, api.clock.instant()), current.version());
            }
        });
    }

    /** Each lookup and write of the store from now on, and whether a transaction was open on its thread. */
    private List<String> recordStoreCalls() {
        List<String> calls = new CopyOnWriteArrayList<>();
        api.databases.beforeFind(id -> calls.add("find " + where()));
        api.databases.beforeUpdate(changed -> calls.add("update " + where()));
        return calls;
    }

    private String where() {
        return api.transactions.isOpenOnThisThread() ? "in a transaction" : "outside any transaction";
    }
}
