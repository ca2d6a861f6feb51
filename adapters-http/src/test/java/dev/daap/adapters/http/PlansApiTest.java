package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.event.EventType;
import dev.daap.domain.job.JobKind;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/plans}, and a database's plan: who may do what, the rules of the catalog, and what reaches the cluster. */
class PlansApiTest extends ApiTest {
    private static final String XLARGE = """
            {"name": "xlarge", "description": "For the largest services", "max_connections": 800,
             "storage_limit_bytes": 4000000000000, "included_storage_bytes": 2000000000000,
             "price_per_month": "900.00", "price_per_gb_month": "0.0400"}""";

    @Test
    void everyKeyReadsTheDefaultCatalogWithExactAmountsInTheInstallationsCurrency() {
        String viewer = api.issueKey("payments", Role.VIEWER);

        TestResponse response = api.as(viewer).get("/v1/plans");

        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().path("items");
        assertThat(names(items)).containsExactly("large", "medium", "small");
        JsonNode small = items.get(2);
        assertThat(small.path("default").asBoolean()).isTrue();
        assertThat(small.path("price_per_month").asText()).isEqualTo("15.00");
        assertThat(small.path("price_per_gb_month").asText()).isEqualTo("0.1000");
        assertThat(small.path("currency").asText()).isEqualTo("EUR");
        assertThat(small.path("max_connections").asInt()).isEqualTo(20);
        assertThat(api.as(viewer).get("/v1/plans/medium").header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void onlyPlatformAdminsChangeTheCatalog() {
        String teamAdmin = api.issueKey("payments", Role.ADMIN);

        assertProblem(api.as(teamAdmin).post("/v1/plans", XLARGE), 403, "forbidden");
        assertProblem(api.as(teamAdmin).patch("/v1/plans/small", "{\"price_per_month\": \"1.00\"}"), 403, "forbidden");
        assertProblem(api.as(teamAdmin).delete("/v1/plans/large"), 403, "forbidden");
        assertThat(api.auditLog.all()).isEmpty();
    }

    @Test
    void aPlatformAdminAddsChangesAndRemovesAPlanEachAudited() {
        TestResponse created = api.post("/v1/plans", XLARGE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/plans/xlarge");
        assertThat(created.json().path("default").asBoolean()).isFalse();

        TestResponse changed = api.patch(
                "/v1/plans/xlarge", "{\"price_per_month\": \"950.50\", \"default\": true}", "If-Match", "\"1\"");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("price_per_month").asText()).isEqualTo("950.50");
        assertThat(changed.header("ETag")).isEqualTo("\"2\"");
        assertThat(api.get("/v1/plans/small").json().path("default").asBoolean())
                .as("the new default took the flag")
                .isFalse();
        assertProblem(
                api.patch("/v1/plans/xlarge", "{\"description\": \"x\"}", "If-Match", "\"1\""),
                412,
                "version-mismatch");

        assertThat(api.delete("/v1/plans/xlarge").status()).isEqualTo(204);
        assertProblem(api.get("/v1/plans/xlarge"), 404, "plan-not-found");
        assertThat(api.auditLog.all().stream().map(entry -> entry.action()).toList())
                .containsExactly("plan.create", "plan.update", "plan.delete");
    }

    @Test
    void badPlansAreRefusedNamingEveryField() {
        assertProblem(api.post("/v1/plans", XLARGE.replace("xlarge", "small")), 409, "plan-taken");
        JsonNode problem = assertProblem(api.post("/v1/plans", """
                        {"name": "Bad Name", "max_connections": 0, "storage_limit_bytes": 10,
                         "included_storage_bytes": 20, "price_per_month": "1.005", "currency": "USD"}"""), 422, "invalid-input");
        assertThat(errorFields(problem)).contains("name", "max_connections", "price_per_month", "currency");
        assertProblem(api.post("/v1/plans", XLARGE.replace("\"900.00\"", "900.00")), 400, "malformed-request");
        assertProblem(api.patch("/v1/plans/small", "{\"price_per_month\": null}"), 422, "invalid-input");
    }

    @Test
    void aPlanInUseKeepsItsLimitsAndStaysButItsPriceMayChange() {
        api.create("orders");

        assertProblem(api.delete("/v1/plans/small"), 409, "plan-in-use");
        assertProblem(api.patch("/v1/plans/small", "{\"max_connections\": 5}"), 409, "plan-in-use");
        assertThat(api.patch("/v1/plans/small", "{\"price_per_month\": \"16.00\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.patch("/v1/plans/large", "{\"max_connections\": 500}").status())
                .as("unused: its limits may change")
                .isEqualTo(200);
    }

    @Test
    void aDatabaseGetsTheNamedPlanOrTheDefaultAndItsConnectionLimitOnTheCluster() {
        String small = api.createReady("orders");
        JsonNode medium = api.create("ledger", "payments", "Books", null);
        String mediumPath = "/v1/databases/" + medium.path("id").asText();
        TestResponse onMedium = api.post("/v1/databases", """
                {"name": "carts", "purpose": "Carts", "owner_team": "payments", "plan": "medium"}""");
        api.runJobs();

        assertThat(api.get(small).json().path("plan").asText()).isEqualTo("small");
        assertThat(onMedium.json().path("plan").asText()).isEqualTo("medium");
        assertThat(api.provisioner.connectionLimitOf(idOf(small))).contains(20);
        assertThat(api.provisioner.connectionLimitOf(
                        DatabaseId.parse(onMedium.json().path("id").asText())))
                .contains(100);
        assertThat(api.get(mediumPath).json().path("plan").asText()).isEqualTo("small");
        assertProblem(
                api.post(
                        "/v1/databases",
                        "{\"name\": \"x-1\", \"purpose\": \"x\", \"owner_team\": \"payments\", "
                                + "\"plan\": \"gold\"}"),
                422,
                "invalid-input");
    }

    @Test
    void aPlanChangeIsARevisionAndAJobAppliesItsLimitOnTheCluster() {
        String path = api.createReady("orders");

        TestResponse changed = api.patch(path, "{\"plan\": \"medium\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("plan").asText()).isEqualTo("medium");
        assertThat(api.jobs.all()).extracting(job -> job.kind()).contains(JobKind.APPLY_PLAN);
        api.runJobs();
        assertThat(api.provisioner.connectionLimitOf(idOf(path))).contains(100);
        JsonNode revision = api.get(path + "/revisions").json().path("items").get(0);
        assertThat(revision.path("changes").get(0).path("field").asText()).isEqualTo("plan");
        assertThat(revision.path("changes").get(0).path("before").asText()).isEqualTo("small");
        assertThat(revision.path("changes").get(0).path("after").asText()).isEqualTo("medium");
    }

    @Test
    void aPlanWhoseStorageLimitIsBelowTheMeasuredSizeIsRefused() {
        String path = api.createReady("orders");
        api.patch(path, "{\"plan\": \"medium\"}");
        api.store.recordStorage(idOf(path), 12_000_000_000L);
        long version = api.get(path).json().path("version").asLong();

        assertProblem(api.patch(path, "{\"plan\": \"small\"}"), 409, "plan-too-small");

        assertThat(api.get(path).json().path("plan").asText()).isEqualTo("medium");
        assertThat(api.get(path).json().path("version").asLong()).isEqualTo(version);
    }

    @Test
    void aMoveToAPlanThatHoldsItsSizeMakesAnOverStorageDatabaseWritableAtOnce() {
        String path = api.createReady("orders");
        DatabaseId id = idOf(path);
        api.store.recordStorage(id, 12_000_000_000L);
        api.store.changeQuotaState(id, QuotaState.OVER_STORAGE); // as the probe would have found it on small
        long version = api.get(path).json().path("version").asLong();
        assertThat(api.get(path).json().path("quota_state").asText()).isEqualTo("over_storage");

        TestResponse changed = api.patch(path, "{\"plan\": \"medium\"}");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("quota_state").asText()).isEqualTo("ok");
        assertThat(changed.json().path("version").asLong()).isEqualTo(version + 1); // the plan's change, only
        assertThat(api.get(path).json().path("quota_state").asText()).isEqualTo("ok");
        assertThat(api.events.all())
                .filteredOn(event -> event.type() == EventType.DATABASE_QUOTA_STATE_CHANGED)
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.payload())
                            .containsEntry("from", "over_storage")
                            .containsEntry("to", "ok");
                    assertThat(event.payload()).containsEntry("plan", "medium");
                });
        assertThat(api.auditLog.all())
                .filteredOn(entry -> entry.action().equals("database.quota_state_change"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.actorKind()).isEqualTo(ActorKind.DAAP);
                    assertThat(entry.before()).containsEntry("quota_state", "over_storage");
                    assertThat(entry.after()).containsEntry("quota_state", "ok");
                });
        assertThat(api.jobs.all())
                .filteredOn(job -> job.kind() == JobKind.APPLY_PLAN)
                .as("the plan change's job applies the quota state too")
                .hasSize(1);
        api.runJobs();
        assertThat(api.provisioner.readOnlyOf(id)).contains(false);
    }

    private static DatabaseId idOf(String path) {
        return DatabaseId.parse(path.substring(path.lastIndexOf('/') + 1));
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
