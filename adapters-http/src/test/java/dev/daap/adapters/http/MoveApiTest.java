package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/databases/{id}/move} through the API on a fake fleet ({@code default} and {@code eu-1}): what is
 * refused and why, what the request stores, and what the job leaves. The move between two real clusters, with the
 * rows and the credentials, and a crash at each step, runs in bootstrap's {@code MoveEndToEndTest}.
 */
class MoveApiTest extends ApiTest {

    @BeforeEach
    void aSecondCluster() {
        TestResponse response = api.post("/v1/clusters", """
                {"name": "eu-1", "admin_url": "postgres://admin:admin-secret@db.test:5432/postgres",
                 "region": "eu-west-1", "labels": {"tier": "gold"}}""");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @Test
    void aMoveAnswers202WithItsOperationAndTheJobSwitchesTheDatabaseAndLeavesItsOldCopyDeleted() {
        String path = api.createReady("orders");
        String password = api.get(path + "/credentials").json().path("password").asText();
        long teamDatabases = liveDatabases();

        TestResponse moved = api.post(path + "/move", "{\"placement\": {\"region\": \"eu-west-1\"}}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(202);
        JsonNode operation = moved.json();
        assertThat(operation.path("kind").asText()).isEqualTo("move");
        assertThat(operation.path("move").path("from_cluster").asText()).isEqualTo("default");
        assertThat(operation.path("move").path("to_cluster").asText()).isEqualTo("eu-1");
        assertThat(operation.path("move").path("read_only_ms").isNull()).isTrue();
        assertThat(moved.header("Location"))
                .isEqualTo("/v1/operations/" + operation.path("id").asText());
        JsonNode moving = api.get(path).json();
        assertThat(moving.path("status").asText()).isEqualTo("moving");
        assertThat(moving.path("latest_operation_id").asText())
                .isEqualTo(operation.path("id").asText());
        assertThat(api.auditLog.all())
                .filteredOn(entry -> entry.action().equals("database.move"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.after()).containsEntry("move_to_cluster", "eu-1"));
        assertThat(api.get(path + "/credentials").json().path("password").asText())
                .as("credentials are read throughout a move")
                .isEqualTo(password);
        assertProblem(api.post(path + "/credentials/rotate"), 409, "illegal-transition");
        assertProblem(api.post(path + "/snapshots", "{}"), 409, "illegal-transition");
        assertProblem(api.delete(path), 409, "illegal-transition");

        api.runJobs();

        JsonNode ready = api.get(path).json();
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("cluster").asText()).isEqualTo("eu-1");
        assertThat(ready.path("name").asText()).isEqualTo("orders");
        assertThat(api.get(path + "/credentials").json().path("password").asText())
                .isEqualTo(password);
        JsonNode done =
                api.get("/v1/operations/" + operation.path("id").asText()).json();
        assertThat(done.path("state").asText()).isEqualTo("succeeded");
        assertThat(done.path("move").path("read_only_ms").isIntegralNumber()).isTrue();
        String oldCopy = done.path("move").path("old_copy_id").asText();
        JsonNode left = api.get("/v1/databases/" + oldCopy).json();
        assertThat(left.path("status").asText()).isEqualTo("deleted");
        assertThat(left.path("cluster").asText()).isEqualTo("default");
        assertThat(left.path("name").asText()).isEqualTo("orders");
        assertThat(left.path("restorable_until").isTextual()).isTrue();
        assertThat(api.provisioner.calls(Action.SET_READ_ONLY))
                .extracting(call -> call.cluster().value())
                .containsExactly("default");
        assertThat(api.provisioner.calls(Action.PROVISION))
                .extracting(call -> call.cluster().value())
                .containsExactly("default", "eu-1");
        assertThat(api.provisioner.calls(Action.HAND_OVER))
                .extracting(call -> call.id().toString() + "@" + call.cluster().value())
                .containsExactly(oldCopy + "@default");
        assertThat(liveDatabases()).as("same team, one live database").isEqualTo(teamDatabases);
        assertThat(api.events.all())
                .filteredOn(event -> event.payload().containsKey("read_only_ms"))
                .singleElement()
                .satisfies(event -> assertThat(event.payload().toString()).doesNotContain(password));
    }

    @Test
    void aMoveIsRefusedToItsOwnClusterForADatabaseNotReadyAndWhereNoOtherClusterFits() {
        String path = api.createReady("orders");
        assertProblem(api.post(path + "/move", "{\"cluster\": \"default\"}"), 409, "already-on-cluster");
        assertProblem(
                api.post(path + "/move", "{\"placement\": {\"labels\": {\"tier\": \"silver\"}}}"), 409, "no-capacity");
        JsonNode both = assertProblem(
                api.post(path + "/move", "{\"cluster\": \"eu-1\", \"placement\": {\"region\": \"eu-west-1\"}}"),
                422,
                "invalid-input");
        assertThat(errorFields(both)).containsExactly("cluster");

        String pending = "/v1/databases/" + api.create("carts").path("id").asText();
        assertProblem(api.post(pending + "/move"), 409, "illegal-transition");

        api.post(path + "/snapshots", "{}");
        api.runJobs();
        JsonNode snapshots = assertProblem(api.post(path + "/move"), 409, "illegal-transition");
        assertThat(snapshots.path("detail").asText()).contains("snapshots");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void aTeamKeyMayMoveByPlacementButNotNameTheCluster() {
        String path = api.createReady("orders");
        String member = api.issueKey("payments", Role.MEMBER);

        assertProblem(api.as(member).post(path + "/move", "{\"cluster\": \"eu-1\"}"), 403, "forbidden");
        TestResponse moved = api.as(member).post(path + "/move", "{}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(202);
        assertThat(moved.json().path("move").path("to_cluster").asText()).isEqualTo("eu-1");
        String viewer = api.issueKey("payments", Role.VIEWER);
        assertProblem(
                api.as(viewer)
                        .post("/v1/databases/" + api.create("carts").path("id").asText() + "/move", "{}"),
                403,
                "forbidden");
    }

    @Test
    void aMoveThatGaveUpLeavesTheDatabaseFailedOnItsClusterWritableAndARetryMovesItAgain() {
        String path = api.createReady("orders");
        api.post(path + "/move", "{}");
        api.provisioner.failWith(new dev.daap.domain.provisioning.ProvisioningException("eu-1 refuses"));
        for (int attempt = 0;
                attempt < 10 && !api.get(path).json().path("status").asText().equals("failed");
                attempt++) {
            api.clock.advance(java.time.Duration.ofHours(1));
            api.runJobs();
        }

        JsonNode failed = api.get(path).json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("cluster").asText()).isEqualTo("default");
        assertThat(failed.path("failure_reason").asText()).contains("still on cluster default");
        assertThat(api.provisioner.calls(Action.DEPROVISION))
                .as("the last attempt removes what it made on the target")
                .extracting(call -> call.cluster().value())
                .containsExactly("eu-1");
        assertThat(api.fleet.cluster("eu-1").fill().databaseCount())
                .as("its place on the target given back")
                .isZero();

        api.provisioner.recover();
        TestResponse retried = api.post(path + "/retry");
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().path("status").asText()).isEqualTo("moving");
        assertThat(api.fleet.cluster("eu-1").fill().databaseCount()).isEqualTo(1);
        api.runJobs();
        assertThat(api.get(path).json().path("cluster").asText()).isEqualTo("eu-1");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");
    }

    private long liveDatabases() {
        return api.get("/v1/databases?owner_team=payments").json().path("items").size();
    }
}
