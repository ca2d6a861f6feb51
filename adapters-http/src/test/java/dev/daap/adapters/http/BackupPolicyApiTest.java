package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * A database's {@code backup_policy} over HTTP on fakes: set on create, changed and removed by PATCH, refused when
 * malformed, audited and kept in the revisions. (The platform's default and the schedule itself are tested on
 * PostgreSQL: BackupPolicyEndToEndTest, BackupScheduleTest.)
 */
class BackupPolicyApiTest extends ApiTest {

    @Test
    void aCreateSetsAPolicyAndWithoutOneThisServersDefaultOfNoneApplies() {
        TestResponse created = api.post("/v1/databases", """
                {"name": "orders", "owner_team": "payments", "purpose": "Orders",
                 "backup_policy": {"schedule": "hourly", "retain": 48}}""");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("backup_policy").path("schedule").asText())
                .isEqualTo("hourly");
        assertThat(created.json().path("backup_policy").path("retain").asInt()).isEqualTo(48);
        assertThat(created.json().path("quota_state").asText()).isEqualTo("ok");
        JsonNode plain = api.create("ledger");
        assertThat(plain.path("backup_policy").isNull())
                .as("this test server has no default policy")
                .isTrue();
        JsonNode none = api.post("/v1/databases", """
                        {"name": "scratch", "owner_team": "payments", "purpose": "x", "backup_policy": null}""").json();
        assertThat(none.path("backup_policy").isNull()).isTrue();
    }

    @Test
    void aPatchReplacesThePolicyWholeOrRemovesItAndEachChangeIsAuditedAndARevision() {
        String path = api.createReady("orders");

        TestResponse daily = api.patch(path, "{\"backup_policy\": {\"schedule\": \"daily\", \"retain\": 7}}");
        assertThat(daily.status()).as(daily.body()).isEqualTo(200);
        assertThat(daily.json().path("backup_policy").path("schedule").asText()).isEqualTo("daily");
        TestResponse weekly = api.patch(path, "{\"backup_policy\": {\"schedule\": \"weekly\", \"retain\": 4}}");
        assertThat(weekly.json().path("backup_policy").path("retain").asInt()).isEqualTo(4);
        TestResponse removed = api.patch(path, "{\"backup_policy\": null}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json().path("backup_policy").isNull()).isTrue();
        assertThat(api.get(path).json().path("backup_policy").isNull()).isTrue();

        JsonNode newest = api.get(path + "/revisions").json().path("items").get(0);
        assertThat(newest.path("changes").get(0).path("field").asText()).isEqualTo("backup_policy");
        assertThat(newest.path("changes").get(0).path("before").path("schedule").asText())
                .isEqualTo("weekly");
        assertThat(newest.path("changes").get(0).path("after").isNull()).isTrue();
        var audited = api.auditLog.all().getLast();
        assertThat(audited.action()).isEqualTo("database.update");
        // The in-memory log keeps what JSON would read back: retain as a long.
        assertThat(audited.before().get("backup_policy")).hasToString("{schedule=weekly, retain=4}");
        assertThat(audited.after().get("backup_policy")).isNull();
    }

    @Test
    void aBadPolicyIsRefusedNamingItsFieldAndChangesNothing() {
        String path = api.createReady("orders");
        long version = api.get(path).json().path("version").asLong();

        JsonNode unknown = assertProblem(
                api.patch(path, "{\"backup_policy\": {\"schedule\": \"monthly\", \"retain\": 0}}"),
                422,
                "invalid-input");
        assertThat(errorFields(unknown)).contains("backup_policy.schedule", "backup_policy.retain");
        JsonNode partial =
                assertProblem(api.patch(path, "{\"backup_policy\": {\"schedule\": \"daily\"}}"), 422, "invalid-input");
        assertThat(errorFields(partial)).containsExactly("backup_policy.retain");
        assertThat(errorFields(
                        assertProblem(api.patch(path, "{\"backup_policy\": \"daily:7\"}"), 422, "invalid-input")))
                .containsExactly("backup_policy");
        assertThat(errorFields(assertProblem(
                        api.patch(path, "{\"backup_policy\": {\"schedule\": \"daily\", \"retain\": 1001, \"at\": 3}}"),
                        422,
                        "invalid-input")))
                .contains("backup_policy.retain", "backup_policy.at");
        assertThat(errorFields(assertProblem(api.post("/v1/databases", """
                                {"name": "other", "owner_team": "payments", "purpose": "x",
                                 "backup_policy": {"schedule": "daily", "retain": 2.5}}"""), 422, "invalid-input")))
                .containsExactly("backup_policy.retain");
        assertProblem(api.patch(path, "{\"quota_state\": \"ok\"}"), 422, "invalid-input");
        assertThat(api.get(path).json().path("version").asLong()).isEqualTo(version);
    }
}
