package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OperationsApiTest extends ApiTest {
    private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    @Test
    void aNewOperationIsScheduledAndNotYetStarted() {
        JsonNode database = api.create("orders");
        String operationId = database.path("latest_operation_id").asText();

        TestResponse response = api.get("/v1/operations/" + operationId);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(fieldNames(body))
                .containsExactly(
                        "id",
                        "database_id",
                        "kind",
                        "state",
                        "attempts",
                        "max_attempts",
                        "next_retry_at",
                        "last_error",
                        "started_at",
                        "finished_at",
                        "duration_ms",
                        "created_at",
                        "stuck",
                        "cluster",
                        "move");
        assertThat(body.path("cluster").asText()).isEqualTo("default");
        assertThat(body.path("move").isNull()).as("a provision is no move").isTrue();
        assertThat(body.path("id").asText()).isEqualTo(operationId);
        assertThat(body.path("database_id").asText())
                .isEqualTo(database.path("id").asText());
        assertThat(body.path("kind").asText()).isEqualTo("provision");
        assertThat(body.path("state").asText()).isEqualTo("scheduled");
        assertThat(body.path("attempts").asInt()).isZero();
        assertThat(body.path("max_attempts").asInt()).isEqualTo(TestApi.JOB_SETTINGS.maxAttempts());
        for (String unset : List.of("next_retry_at", "last_error", "started_at", "finished_at", "duration_ms")) {
            assertThat(body.path(unset).isNull()).as(unset).isTrue();
        }
        assertThat(body.path("created_at").asText()).matches(RFC_3339_UTC);
        assertThat(body.path("stuck").isBoolean()).isTrue();
        assertThat(body.path("stuck").asBoolean()).isFalse();
    }

    @Test
    void aFinishedOperationHasItsTimesAndDuration() {
        String operationId = api.create("orders").path("latest_operation_id").asText();

        api.runJobs();

        JsonNode body = api.get("/v1/operations/" + operationId).json();
        assertThat(body.path("state").asText()).isEqualTo("succeeded");
        assertThat(body.path("attempts").asInt()).isEqualTo(1);
        assertThat(body.path("next_retry_at").isNull()).isTrue();
        assertThat(body.path("started_at").asText()).matches(RFC_3339_UTC);
        assertThat(body.path("finished_at").asText()).matches(RFC_3339_UTC);
        assertThat(body.path("duration_ms").isIntegralNumber()).isTrue();
        assertThat(body.path("duration_ms").asLong()).isPositive(); // the stepping clock ticked in between
    }

    @Test
    void aFailedAttemptShowsItsErrorAndWhenItIsRetried() {
        String operationId = api.create("orders").path("latest_operation_id").asText();
        api.provisioner.failWith(new ProvisioningException("cannot reach the target cluster at db.test:5432"));

        api.runNextJob();

        JsonNode body = api.get("/v1/operations/" + operationId).json();
        Job job = api.jobs.find(UUID.fromString(operationId)).orElseThrow();
        assertThat(body.path("state").asText()).isEqualTo("scheduled");
        assertThat(body.path("attempts").asInt()).isEqualTo(1);
        assertThat(body.path("next_retry_at").asText()).isEqualTo(job.runAt().toString());
        assertThat(body.path("last_error").asText()).isEqualTo("cannot reach the target cluster at db.test:5432");
        assertThat(body.path("finished_at").isNull()).isTrue();
        assertThat(body.path("duration_ms").isNull()).isTrue();
    }

    @Test
    void aRunningOperationWhoseWorkerStoppedIsStuck() {
        String operationId = api.create("orders").path("latest_operation_id").asText();
        api.jobs.claim("worker-that-dies", Duration.ofSeconds(30), 1);

        api.clock.advance(
                Duration.ofSeconds(30).plus(TestApi.JOB_SETTINGS.stuckGrace()).plusSeconds(1));

        JsonNode body = api.get("/v1/operations/" + operationId).json();
        assertThat(body.path("state").asText()).isEqualTo("running");
        assertThat(body.path("stuck").asBoolean()).isTrue();
    }

    @Test
    void theOperationsOfADatabaseAreListedNewestFirst() {
        JsonNode database = api.create("orders");
        String path = "/v1/databases/" + database.path("id").asText();
        String deprovision = api.delete(path).json().path("latest_operation_id").asText();
        api.create("other");

        TestResponse response = api.get(path + "/operations");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(items)
                .extracting(item -> item.path("id").asText())
                .containsExactly(
                        deprovision, database.path("latest_operation_id").asText());
        assertThat(items).extracting(item -> item.path("kind").asText()).containsExactly("deactivate", "provision");
        assertThat(fieldNames(items.get(0))).contains("database_id", "next_retry_at", "stuck");
        assertThat(api.jobs.forDatabase(DatabaseId.parse(database.path("id").asText()), 10))
                .hasSize(2);
    }

    @Test
    void anUnknownOperationIsA404Problem() {
        JsonNode problem = assertProblem(api.get("/v1/operations/" + UUID.randomUUID()), 404, "operation-not-found");

        assertThat(problem.path("title").asText()).isEqualTo("Operation not found");
    }

    @Test
    void aMalformedOperationIdIsAnInputProblem() {
        JsonNode problem = assertProblem(api.get("/v1/operations/not-a-uuid"), 422, "invalid-input");

        assertThat(errorFields(problem)).containsExactly("id");
    }

    @Test
    void theOperationsOfAnUnknownDatabaseAreA404() {
        assertProblem(api.get("/v1/databases/" + UUID.randomUUID() + "/operations"), 404, "database-not-found");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
