package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.testing.FakeProvisioner;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Snapshots, restores and clones over HTTP, on the fakes of the ports (real PostgreSQL: SnapshotsEndToEndTest). */
class SnapshotsApiTest extends ApiTest {

    @Test
    void aSnapshotIsCreatingAt202ThenReadyWithItsSizeAndUnavailableWindowAndCountsTowardsTheClusterStorage() {
        String database = api.createReady("orders");

        TestResponse taken = api.post(database + "/snapshots", "{\"description\": \"before the migration\"}");

        assertThat(taken.status()).isEqualTo(202);
        JsonNode snapshot = taken.json();
        assertThat(snapshot.path("status").asText()).isEqualTo("creating");
        assertThat(snapshot.path("description").asText()).isEqualTo("before the migration");
        assertThat(snapshot.path("cluster").asText()).isEqualTo("default");
        String path = database + "/snapshots/" + snapshot.path("id").asText();
        assertThat(taken.header("Location")).isEqualTo(path);
        assertThat(api.get("/v1/operations/"
                                + snapshot.path("latest_operation_id").asText())
                        .json()
                        .path("kind")
                        .asText())
                .isEqualTo("snapshot");

        api.runJobs();

        JsonNode ready = api.get(path).json();
        assertThat(ready.path("status").asText()).isEqualTo("ready");
        assertThat(ready.path("size_bytes").asLong()).isEqualTo(FakeProvisioner.COPY.sizeBytes());
        assertThat(ready.path("unavailable_ms").asLong())
                .isEqualTo(FakeProvisioner.COPY.unavailable().toMillis());
        assertThat(api.provisioner.calls(Action.SNAPSHOT)).hasSize(1);
        assertThat(api.get("/v1/clusters/default").json().path("storage_bytes").asLong())
                .isEqualTo(FakeProvisioner.COPY.sizeBytes());
        assertThat(api.get(database + "/snapshots").json().path("items"))
                .extracting(item -> item.path("id").asText())
                .containsExactly(snapshot.path("id").asText());
    }

    @Test
    void theDescriptionMayBeLeftOutButABlankOneIsA422() {
        String database = api.createReady("orders");

        assertThat(api.post(database + "/snapshots", "{}")
                        .json()
                        .path("description")
                        .isNull())
                .isTrue();
        JsonNode problem =
                assertProblem(api.post(database + "/snapshots", "{\"description\": \"  \"}"), 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("description");
    }

    @Test
    void pastTheLimitASnapshotIsA409AndDeletingOneMakesRoomAtOnce() {
        String database = api.createReady("orders");
        String first = null;
        for (int i = 0; i < TestApi.SNAPSHOT_LIMIT; i++) {
            String id =
                    api.post(database + "/snapshots", "{}").json().path("id").asText();
            first = first == null ? id : first;
        }
        api.runJobs();

        JsonNode problem = assertProblem(api.post(database + "/snapshots", "{}"), 409, "snapshot-limit");
        assertThat(problem.path("detail").asText()).contains("at most " + TestApi.SNAPSHOT_LIMIT);

        TestResponse deleting = api.delete(database + "/snapshots/" + first);
        assertThat(deleting.status()).isEqualTo(202);
        assertThat(deleting.json().path("status").asText()).isEqualTo("deleting");
        assertThat(api.post(database + "/snapshots", "{}").status()).isEqualTo(202);
        api.runJobs();
        assertProblem(api.get(database + "/snapshots/" + first), 404, "snapshot-not-found");
        assertThat(api.provisioner.calls(Action.DROP_SNAPSHOT)).hasSize(1);
        assertThat(api.get("/v1/clusters/default").json().path("storage_bytes").asLong())
                .isEqualTo(TestApi.SNAPSHOT_LIMIT * FakeProvisioner.COPY.sizeBytes());
    }

    @Test
    void aDatabaseThatIsNotReadyCannotBeSnapshottedAndASnapshotBeingMadeCannotBeDeleted() {
        JsonNode pending = api.create("orders");
        assertProblem(
                api.post("/v1/databases/" + pending.path("id").asText() + "/snapshots", "{}"),
                409,
                "illegal-transition");
        api.runJobs();
        String database = "/v1/databases/" + pending.path("id").asText();
        String snapshot =
                api.post(database + "/snapshots", "{}").json().path("id").asText();

        assertProblem(api.delete(database + "/snapshots/" + snapshot), 409, "illegal-transition");
    }

    @Test
    void aDeletedDatabaseKeepsItsSnapshotsRefusesNewOnesAndItsPurgeDropsTheCopiesBeforeTheRole() {
        String database = api.createReady("orders");
        String databaseId = database.substring(database.lastIndexOf('/') + 1);
        String snapshot =
                api.post(database + "/snapshots", "{}").json().path("id").asText();
        api.runJobs();
        assertThat(api.delete(database).status()).isEqualTo(202);
        api.runJobs();
        assertThat(api.get(database).json().path("status").asText()).isEqualTo("deleted");

        assertProblem(api.post(database + "/snapshots", "{}"), 409, "illegal-transition");
        assertProblem(api.post(database + "/snapshots/" + snapshot + "/restore"), 409, "illegal-transition");
        assertProblem(
                api.post(
                        "/v1/databases",
                        "{\"name\": \"orders-copy\", \"owner_team\": \"payments\", \"purpose\": \"a copy\","
                                + " \"source\": {\"database_id\": \"" + databaseId + "\", \"snapshot_id\": \""
                                + snapshot + "\"}}"),
                409,
                "illegal-transition");
        assertThat(api.provisioner.calls(Action.DROP_SNAPSHOT))
                .as("kept while it can be restored")
                .isEmpty();
        assertThat(api.get(database + "/snapshots/" + snapshot)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ready");

        api.clock.advance(TestApi.RESTORE_WINDOW.plus(Duration.ofSeconds(1)));
        assertThat(api.purgeExpired()).isEqualTo(1);
        api.runJobs();

        assertThat(api.get(database).json().path("status").asText()).isEqualTo("purged");
        assertThat(api.provisioner.calls())
                .extracting(FakeProvisioner.Call::action)
                .containsSubsequence(Action.DROP_SNAPSHOT, Action.DEPROVISION);
        assertThat(api.get("/v1/clusters/default").json().path("storage_bytes").asLong())
                .as("the snapshot's size given back")
                .isZero();
        assertThat(api.snapshots.find(SnapshotId.parse(snapshot)).orElseThrow().status())
                .isEqualTo(SnapshotStatus.DELETED);
        assertProblem(api.get(database + "/snapshots/" + snapshot), 404, "snapshot-not-found");
    }

    @Test
    void aSnapshotAndARestoreOfOneAskedForBeforeADeleteRunFirstAndTheDeleteThenParksTheDatabase() {
        String database = api.createReady("orders");
        String snapshot =
                api.post(database + "/snapshots", "{}").json().path("id").asText();
        api.runJobs();
        String taken = api.post(database + "/snapshots", "{}").json().path("id").asText();
        String kept = api.post(database + "/snapshots/" + snapshot + "/restore")
                .json()
                .path("id")
                .asText();

        assertThat(api.delete(database).status()).isEqualTo(202);
        api.runJobs();

        assertThat(api.provisioner.calls())
                .extracting(FakeProvisioner.Call::action)
                .containsSubsequence(Action.SNAPSHOT, Action.SNAPSHOT, Action.RESTORE, Action.DEACTIVATE);
        for (String made : new String[] {taken, kept}) {
            assertThat(api.get(database + "/snapshots/" + made)
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("ready");
        }
        assertThat(api.get(database).json().path("status").asText()).isEqualTo("deleted");
    }

    @Test
    void aSnapshotWhoseDatabaseWasParkedBeforeItsJobRanFailsWithoutTouchingTheCluster() {
        String database = api.createReady("orders");
        JsonNode taken = api.post(database + "/snapshots", "{}").json();
        Database ready = api.databases
                .find(DatabaseId.parse(database.substring(database.lastIndexOf('/') + 1)))
                .orElseThrow();
        // As if a deletion had been deactivated first: the queue runs a database's jobs oldest first, so only
        // requests that interleave get there, but then the copy would look for a name that is parked.
        var now = api.clock.instant();
        api.databases.update(
                ready.startDeleting(UUID.randomUUID(), now).deleted(now, now.plus(TestApi.RESTORE_WINDOW)),
                ready.version());

        api.runJobs();

        JsonNode failed =
                api.get(database + "/snapshots/" + taken.path("id").asText()).json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asText()).contains("deleted");
        assertThat(api.provisioner.calls(Action.SNAPSHOT)).isEmpty();
        assertThat(api.get("/v1/operations/" + taken.path("latest_operation_id").asText())
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("cancelled");
    }

    @Test
    void aRestoreAnswersWithTheSnapshotThatKeepsTheReplacedContents() {
        String database = api.createReady("orders");
        String snapshot =
                api.post(database + "/snapshots", "{}").json().path("id").asText();
        api.runJobs();

        TestResponse restore = api.post(database + "/snapshots/" + snapshot + "/restore");

        assertThat(restore.status()).isEqualTo(202);
        JsonNode kept = restore.json();
        assertThat(kept.path("restore_of").asText()).isEqualTo(snapshot);
        assertThat(kept.path("status").asText()).isEqualTo("creating");
        assertThat(restore.header("Location"))
                .isEqualTo(database + "/snapshots/" + kept.path("id").asText());
        api.runJobs();
        assertThat(api.get(database + "/snapshots/" + kept.path("id").asText())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ready");
        assertThat(api.provisioner.calls(Action.RESTORE)).hasSize(1);
        assertThat(api.get(database).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void aCloneIsANewDatabaseOnTheSourcesClusterMadeByTheCopier() {
        String source = api.createReady("orders");
        String sourceId = source.substring(source.lastIndexOf('/') + 1);

        TestResponse created = api.post(
                "/v1/databases",
                "{\"name\": \"orders-copy\", \"owner_team\": \"payments\", \"purpose\": \"a copy\","
                        + " \"source\": {\"database_id\": \"" + sourceId + "\"}}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("cluster").asText()).isEqualTo("default");
        api.runJobs();
        assertThat(api.get(created.header("Location")).json().path("status").asText())
                .isEqualTo("ready");
        assertThat(api.provisioner.calls(Action.CLONE))
                .singleElement()
                .satisfies(call -> assertThat(call.name().value()).isEqualTo("payments_orders_copy"));
        assertThat(api.provisioner.calls(Action.PROVISION)).hasSize(1); // the source's only
    }

    @Test
    void aCloneNeedsASourceTheCallerMayReadAndALiveSnapshotOfIt() {
        String source = api.createReady("orders");
        String sourceId = source.substring(source.lastIndexOf('/') + 1);
        String searchKey = api.issueKey("search", Role.MEMBER);

        assertProblem(
                api.as(searchKey)
                        .post(
                                "/v1/databases",
                                "{\"name\": \"stolen\", \"purpose\": \"x\", \"source\": {\"database_id\": \"" + sourceId
                                        + "\"}}"),
                404,
                "database-not-found");
        assertProblem(
                api.post(
                        "/v1/databases",
                        "{\"name\": \"copy\", \"owner_team\": \"payments\", \"purpose\": \"x\", \"source\": "
                                + "{\"database_id\": \"" + sourceId + "\", \"snapshot_id\": \"" + UUID.randomUUID()
                                + "\"}}"),
                404,
                "snapshot-not-found");
        JsonNode invalid = assertProblem(
                api.post(
                        "/v1/databases",
                        "{\"name\": \"copy\", \"owner_team\": \"payments\", \"purpose\": \"x\", \"cluster\":"
                                + " \"default\", \"source\": {\"database_id\": \"nope\"}}"),
                422,
                "invalid-input");
        assertThat(errorFields(invalid)).containsExactlyInAnyOrder("source.database_id", "source");
    }

    @Test
    void anotherTeamsKeySeesNoSnapshotsAndAViewerMayReadButNotTake() {
        String database = api.createReady("orders");
        api.post(database + "/snapshots", "{}");
        String otherTeam = api.issueKey("search", Role.MEMBER);
        String viewer = api.issueKey("payments", Role.VIEWER);

        assertProblem(api.as(otherTeam).get(database + "/snapshots"), 404, "database-not-found");
        assertThat(api.as(viewer).get(database + "/snapshots").json().path("items"))
                .hasSize(1);
        assertProblem(api.as(viewer).post(database + "/snapshots", "{}"), 403, "forbidden");
    }
}
