package dev.daap.adapters.http;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.http.TestResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CreateAndGetDatabaseTest extends ApiTest {
    private static final String RFC_3339_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

    @Test
    void createAnswers201WithLocationETagAndTheResource() {
        TestResponse response = api.post("/v1/databases", """
                {"name": "orders", "owner_team": "payments", "purpose": "Orders of the shop",
                 "labels": {"env": "prod", "cost-centre": "42"}}""");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        String id = body.path("id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.header("Location")).isEqualTo("/v1/databases/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(fieldNames(body))
                .containsExactly(
                        "id",
                        "name",
                        "owner_team",
                        "purpose",
                        "status",
                        "connection",
                        "labels",
                        "created_at",
                        "updated_at",
                        "version",
                        "latest_operation_id",
                        "failure_reason",
                        "cluster",
                        "storage_bytes",
                        "deletion_protection",
                        "deleted_at",
                        "restorable_until",
                        "plan",
                        "backup_policy",
                        "quota_state");
        assertThat(body.path("cluster").asText()).isEqualTo("default");
        assertThat(body.path("plan").asText()).as("the catalog's default").isEqualTo("small");
        assertThat(body.path("storage_bytes").isNull()).as("not measured yet").isTrue();
        assertThat(body.path("deletion_protection").asBoolean())
                .as("off unless asked for")
                .isFalse();
        assertThat(body.path("restorable_until").isNull()).isTrue();
        assertThat(body.path("name").asText()).isEqualTo("orders");
        assertThat(body.path("owner_team").asText()).isEqualTo("payments");
        assertThat(body.path("purpose").asText()).isEqualTo("Orders of the shop");
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("connection").isNull()).isTrue();
        assertThat(body.path("labels").properties()).hasSize(2);
        assertThat(body.path("labels").path("cost-centre").asText()).isEqualTo("42");
        assertThat(body.path("created_at").asText()).matches(RFC_3339_UTC);
        assertThat(body.path("updated_at").asText())
                .isEqualTo(body.path("created_at").asText());
        assertThat(body.path("version").isIntegralNumber()).isTrue();
        assertThat(body.path("version").asLong()).isEqualTo(1);
        assertThat(body.path("failure_reason").isNull()).isTrue();
    }

    @Test
    void createSchedulesOneProvisionJobAndNamesItAsTheLatestOperation() {
        JsonNode body = api.create("orders");

        List<Job> jobs = api.jobs.forDatabase(DatabaseId.parse(body.path("id").asText()), 10);

        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.kind()).isEqualTo(JobKind.PROVISION);
            assertThat(job.state()).isEqualTo(JobState.SCHEDULED);
            assertThat(body.path("latest_operation_id").asText())
                    .isEqualTo(job.id().toString());
        });
    }

    @Test
    void aFailedDatabaseSaysWhy() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        api.provisioner.failWith(new ProvisioningException("cannot reach the target cluster at db.test:5432"));

        api.runJobs();

        JsonNode body = api.get(path).json();
        assertThat(body.path("status").asText()).isEqualTo("failed");
        assertThat(body.path("failure_reason").asText()).isEqualTo("cannot reach the target cluster at db.test:5432");
    }

    @Test
    void timestampsKeepMicroseconds() {
        JsonNode body = api.create("orders");

        // The stepping clock ticks at .123456 seconds past each millisecond, and the store keeps microseconds.
        assertThat(body.path("created_at").asText()).matches("2026-11-25T14:00:00\\.\\d{6}Z");
    }

    @Test
    void labelsDefaultToAnEmptyObject() {
        JsonNode body = api.create("orders");

        assertThat(body.path("labels").isObject()).isTrue();
        assertThat(body.path("labels").isEmpty()).isTrue();
    }

    @Test
    void getReturnsTheStoredResourceWithItsETag() {
        JsonNode created = api.create("orders");

        TestResponse response = api.get("/v1/databases/" + created.path("id").asText());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        assertThat(response.json()).isEqualTo(created);
    }

    @Test
    void getShowsTheConnectionOfAProvisionedDatabase() {
        var id = new DatabaseId(UUID.randomUUID());
        api.store.add(aDatabase()
                .withId(id)
                .named("orders")
                .ownedBy("payments")
                .withStatus(DatabaseStatus.READY)
                .withConnection(new ConnectionDetails("pg-1.internal", 5432, "orders", "orders_owner"))
                .createdAt(Instant.parse("2026-11-25T14:00:00.123456Z"))
                .version(4)
                .build());

        TestResponse response = api.get("/v1/databases/" + id);

        JsonNode body = response.json();
        assertThat(response.header("ETag")).isEqualTo("\"4\"");
        assertThat(body.path("status").asText()).isEqualTo("ready");
        assertThat(body.path("created_at").asText()).isEqualTo("2026-11-25T14:00:00.123456Z");
        assertThat(fieldNames(body.path("connection")))
                .containsExactly("host", "port", "database", "username", "sslmode");
        assertThat(body.path("connection").path("host").asText()).isEqualTo("pg-1.internal");
        assertThat(body.path("connection").path("port").asInt()).isEqualTo(5432);
        assertThat(body.path("connection").path("username").asText()).isEqualTo("orders_owner");
    }

    @Test
    void getOfAnUnknownIdIsA404Problem() {
        TestResponse response = api.get("/v1/databases/" + UUID.randomUUID());

        assertProblem(response, 404, "database-not-found");
    }

    @Test
    void getWithAMalformedIdIsAnInputProblemNotA500() {
        TestResponse response = api.get("/v1/databases/not-a-uuid");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("id");
        assertThat(messageOf(problem, "id")).contains("UUID");
    }

    @Test
    void createReportsEveryInvalidFieldAtOnce() {
        TestResponse response = api.post("/v1/databases", """
                {"name": "Not Valid!", "purpose": "  ", "labels": {"Bad Key": "x"}}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("name", "purpose", "labels");
        JsonNode missingTeam = assertProblem(
                api.post("/v1/databases", "{\"name\": \"fine\", \"purpose\": \"p\"}"), 422, "invalid-input");
        assertThat(messageOf(missingTeam, "owner_team")).isEqualTo("is required with a platform admin key");
    }

    @Test
    void aNameTheClusterKeepsForItselfIsRefusedAtCreateAndNothingIsStored() {
        for (String reserved : new String[] {"postgres", "template0", "template1", "public", "daap"}) {
            TestResponse response = api.post("/v1/databases", """
                    {"name": "%s", "owner_team": "payments", "purpose": "p"}""".formatted(reserved));

            JsonNode problem = assertProblem(response, 422, "invalid-input");
            assertThat(errorFields(problem)).as(reserved).containsExactly("name");
            assertThat(messageOf(problem, "name")).startsWith("is reserved");
        }
        assertThat(api.get("/v1/databases").json().path("items")).isEmpty();
        assertThat(api.runNextJob()).as("no provision job was queued").isFalse();
    }

    @Test
    void aDuplicateNameInTheSameTeamIsA409() {
        api.create("orders");

        TestResponse response = api.post("/v1/databases", """
                {"name": "orders", "owner_team": "payments", "purpose": "again"}""");

        JsonNode problem = assertProblem(response, 409, "name-taken");
        assertThat(problem.path("detail").asText()).contains("orders", "payments");
        assertThat(response.header("Location")).isNull();
    }

    @Test
    void anotherTeamMayHaveTheSameNameAndLearnsNothingOfTheFirst() {
        String payments = api.createReady("orders");
        String searchKey = api.issueKey("search", Role.MEMBER);

        TestResponse response = api.as(searchKey).post("/v1/databases", """
                {"name": "orders", "purpose": "Search's own orders"}""");

        assertThat(response.status()).isEqualTo(201);
        api.runJobs();
        JsonNode search = api.as(searchKey)
                .get("/v1/databases/" + response.json().path("id").asText())
                .json();
        assertThat(search.path("connection").path("database").asText()).isEqualTo("search_orders");
        assertThat(search.path("connection").path("username").asText()).isEqualTo("search_orders");
        assertThat(api.get(payments).json().path("connection").path("database").asText())
                .isEqualTo("payments_orders");
        assertThat(response.body()).doesNotContain("payments");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
