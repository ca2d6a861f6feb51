package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Deletion that can be undone, over HTTP on fakes: restore, its window, purge, and deletion protection. */
class DeletionApiTest extends ApiTest {

    @Test
    void aDeletedDatabaseComesBackReadyUnderItsName() {
        String path = deleted("orders");

        TestResponse restoring = api.post(path + "/restore", "");

        assertThat(restoring.status()).as(restoring.body()).isEqualTo(202);
        assertThat(restoring.json().path("status").asText()).isEqualTo("restoring");
        assertThat(restoring.json().path("restorable_until").isNull()).isTrue();
        api.runJobs();
        JsonNode ready = api.get(path).json();
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("connection").path("username").asText()).isEqualTo("payments_orders");
        assertThat(api.provisioner.calls(Action.REACTIVATE)).hasSize(1);
        assertThat(api.get("/v1/databases").json().path("items")).hasSize(1);
        assertThat(api.auditLog.all()).extracting(AuditEvent::action).contains("database.delete", "database.restore");
    }

    @Test
    void aNameTakenMeanwhileIsA409AndTheRestoreTakesAnotherName() {
        String path = deleted("orders");
        api.create("orders");

        assertProblem(api.post(path + "/restore", "{}"), 409, "name-taken");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("deleted");

        TestResponse restoring = api.post(path + "/restore", "{\"name\": \"orders-old\"}");
        assertThat(restoring.status()).as(restoring.body()).isEqualTo(202);
        api.runJobs();
        JsonNode ready = api.get(path).json();
        assertThat(ready.path("name").asText()).isEqualTo("orders-old");
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("connection").path("database").asText()).isEqualTo("payments_orders_old");
    }

    @Test
    void aBadNameOrABodyThatIsNotJsonIsRefused() {
        String path = deleted("orders");

        assertProblem(api.post(path + "/restore", "{\"name\": \"Not A Name\"}"), 422, "invalid-input");
        assertProblem(api.post(path + "/restore", "{\"nme\": \"orders\"}"), 400, "malformed-request");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("deleted");
    }

    @Test
    void afterTheWindowARestoreIsA409AndTheSweepPurgesIt() {
        String path = deleted("orders");
        api.clock.advance(TestApi.RESTORE_WINDOW.plus(Duration.ofSeconds(1)));

        assertProblem(api.post(path + "/restore", ""), 409, "restore-window-expired");
        assertThat(api.purgeExpired()).isEqualTo(1);
        api.runJobs();

        JsonNode purged = api.get(path).json();
        assertThat(purged.path("status").asText()).isEqualTo("purged");
        assertThat(purged.path("connection").isNull()).isTrue();
        assertThat(api.provisioner.calls(Action.DEPROVISION)).hasSize(1);
        assertThat(api.fleet.cluster("default").fill().databaseCount()).isZero();
        assertThat(api.get("/v1/databases?status=purged").json().path("items")).hasSize(1);
        assertProblem(api.post(path + "/restore", ""), 409, "illegal-transition");
    }

    @Test
    void anImmediatePurgeIsForTeamAdminsOnly() {
        String path = api.createReady("orders");
        TestClient member = api.client().as(api.issueKey("payments", Role.MEMBER));
        TestClient teamAdmin = api.client().as(api.issueKey("payments", Role.ADMIN));

        assertProblem(member.delete(path + "?purge=true"), 403, "forbidden");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");
        assertProblem(teamAdmin.delete(path + "?purge=yes"), 422, "invalid-input");

        TestResponse purging = teamAdmin.delete(path + "?purge=true");
        assertThat(purging.status()).as(purging.body()).isEqualTo(202);
        assertThat(purging.json().path("status").asText()).isEqualTo("purging");
        api.runJobs();

        assertThat(api.get(path).json().path("status").asText()).isEqualTo("purged");
        assertThat(api.provisioner.calls(Action.DEPROVISION)).hasSize(1);
        assertThat(api.provisioner.calls(Action.DEACTIVATE)).isEmpty();
        assertThat(api.create("orders").path("name").asText())
                .as("the name is free")
                .isEqualTo("orders");
        assertThat(api.auditLog.all()).extracting(AuditEvent::action).contains("database.purge");
    }

    @Test
    void aPurgeOfADatabaseBeingRestoredIsRefusedAndTheRestoreWins() {
        String path = deleted("orders");
        api.post(path + "/restore", "");

        assertProblem(api.delete(path + "?purge=true"), 409, "illegal-transition");
        api.runJobs();

        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");
        assertThat(api.provisioner.calls(Action.DEPROVISION)).isEmpty();
    }

    @Test
    void aProtectedDatabaseRefusesDeletionUntilProtectionIsTurnedOff() {
        TestResponse created = api.post("/v1/databases", """
                {"name": "ledger", "owner_team": "payments", "purpose": "Books", "deletion_protection": true}""");
        assertThat(created.json().path("deletion_protection").asBoolean()).isTrue();
        String path = "/v1/databases/" + created.json().path("id").asText();
        api.runJobs();

        assertProblem(api.delete(path), 409, "deletion-protected");
        assertProblem(api.delete(path + "?purge=true"), 409, "deletion-protected");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");

        TestResponse unprotected = api.patch(path, "{\"deletion_protection\": false}");
        assertThat(unprotected.status()).as(unprotected.body()).isEqualTo(200);
        assertThat(unprotected.json().path("deletion_protection").asBoolean()).isFalse();
        assertThat(api.auditLog.all())
                .filteredOn(event -> event.action().equals("database.update"))
                .singleElement()
                .satisfies(event -> {
                    assertThat(event.before()).containsEntry("deletion_protection", true);
                    assertThat(event.after()).containsEntry("deletion_protection", false);
                });
        assertThat(api.delete(path).status()).isEqualTo(202);
    }

    @Test
    void protectionIsABooleanInAPatch() {
        String path = api.createReady("orders");

        assertProblem(api.patch(path, "{\"deletion_protection\": \"yes\"}"), 400, "malformed-request");
        assertProblem(api.patch(path, "{\"deletion_protection\": null}"), 422, "invalid-input");
        assertThat(api.patch(path, "{\"deletion_protection\": true}")
                        .json()
                        .path("deletion_protection")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void changesAndCredentialsOfADeletedDatabaseAre409sSayingUntilWhenItCanBeRestored() {
        String path = deleted("orders");
        String until = api.get(path).json().path("restorable_until").asText();

        for (TestResponse refused : java.util.List.of(
                api.patch(path, "{\"purpose\": \"Changed\"}"),
                api.get(path + "/credentials"),
                api.post(path + "/credentials/rotate"))) {
            JsonNode problem = assertProblem(refused, 409, "database-deleted");
            assertThat(problem.path("detail").asText())
                    .contains("is deleted", path + "/restore", until.substring(0, 19));
        }
        assertThat(api.get(path + "/operations").status())
                .as("its operations stay readable, as the database itself does")
                .isEqualTo(200);
        assertThat(api.auditLog.all())
                .extracting(AuditEvent::action)
                .doesNotContain("database.update", "credentials.read", "credentials.rotate");
    }

    @Test
    void aPurgedDatabaseSaysItCanNoLongerBeRestored() {
        String path = api.createReady("orders");
        api.client().as(api.issueKey("payments", Role.ADMIN)).delete(path + "?purge=true");
        api.runJobs();

        JsonNode problem = assertProblem(api.patch(path, "{\"purpose\": \"Changed\"}"), 409, "database-deleted");

        assertThat(problem.path("detail").asText()).contains("is purged", "can no longer be restored");
        assertProblem(
                api.client().as(api.issueKey("search", Role.ADMIN)).patch(path, "{\"purpose\": \"Changed\"}"),
                404,
                "database-not-found");
    }

    /** A provisioned database, deleted, its deactivate job run; returns its path. */
    private String deleted(String name) {
        String path = api.createReady(name);
        api.delete(path);
        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("deleted");
        return path;
    }
}
