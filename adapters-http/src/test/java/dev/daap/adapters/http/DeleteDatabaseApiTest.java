package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseChanges;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DeleteDatabaseApiTest extends ApiTest {

    @Test
    void deleteAnswers202WithTheDeletingResourceAndSchedulesADeactivateJob() {
        String id = api.createReady("orders").substring("/v1/databases/".length());

        TestResponse response = api.delete("/v1/databases/" + id);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("ETag"))
                .isEqualTo("\"" + response.json().path("version").asLong() + "\"");
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("deleting");
        Job newest = jobsOf(id).getFirst();
        assertThat(newest.kind()).isEqualTo(JobKind.DEACTIVATE);
        assertThat(newest.state()).isEqualTo(JobState.SCHEDULED);
        assertThat(body.path("latest_operation_id").asText())
                .isEqualTo(newest.id().toString());
        assertThat(api.get("/v1/databases/" + id).json())
                .as("still there until the job ran")
                .isEqualTo(body);
    }

    @Test
    void deletingTwiceIsHarmless() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        TestResponse first = api.delete(path);

        TestResponse second = api.delete(path);

        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(second.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(jobsOf(path.substring("/v1/databases/".length())))
                .extracting(Job::kind)
                .containsExactly(JobKind.DEACTIVATE, JobKind.PROVISION);
    }

    @Test
    void theDatabaseIsDeletedAndRestorableOnceTheDeactivateJobRan() {
        String path = api.createReady("orders");
        api.delete(path);

        api.runJobs();

        JsonNode deleted = api.get(path).json();
        assertThat(deleted.path("status").asText()).isEqualTo("deleted");
        assertThat(Instant.parse(deleted.path("restorable_until").asText()))
                .isEqualTo(Instant.parse(deleted.path("deleted_at").asText()).plus(TestApi.RESTORE_WINDOW));
        assertThat(api.get("/v1/databases").json().path("items").isEmpty()).isTrue();
        assertThat(api.get("/v1/databases?status=deleted").json().path("items"))
                .singleElement()
                .isEqualTo(deleted);
        assertThat(api.get("/v1/databases?include_deleted=true").json().path("items"))
                .singleElement()
                .isEqualTo(deleted);
        assertThat(api.delete(path).json()).as("asking again is harmless").isEqualTo(deleted);
        assertThat(api.provisioner.calls(Action.DEACTIVATE))
                .singleElement()
                .satisfies(call -> assertThat(call.name().value()).isEqualTo("payments_orders"));
        assertThat(api.provisioner.calls(Action.DEPROVISION)).isEmpty();
        assertThat(api.fleet.cluster("default").fill().databaseCount())
                .as("its data is still on the cluster: the place stays taken until the purge")
                .isEqualTo(1);
    }

    @Test
    void theNameIsFreeAgainOnceTheDatabaseIsGone() {
        api.delete("/v1/databases/" + api.create("orders").path("id").asText());
        api.runJobs();

        JsonNode again = api.create("orders");

        assertThat(again.path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aMatchingIfMatchDeletes() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();

        TestResponse response = api.delete(path, "If-Match", "\"1\"");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("deleting");
    }

    @Test
    void aStaleIfMatchIsA412AndDeletesNothing() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        api.patch(path, "{\"purpose\": \"changed\"}");

        TestResponse response = api.delete(path, "If-Match", "\"1\"");

        assertProblem(response, 412, "version-mismatch");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("pending");
        assertThat(jobsOf(path.substring("/v1/databases/".length()))).hasSize(1);
    }

    @Test
    void aMalformedIfMatchIsA400() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();

        assertProblem(api.delete(path, "If-Match", "\"1"), 400, "malformed-request");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("pending");
    }

    @Test
    void aDeleteWithIfMatchReadsChecksAndWritesInOneTransaction() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        List<String> storeCalls = new CopyOnWriteArrayList<>();
        api.databases.beforeFind(id -> storeCalls.add("find " + where()));
        api.databases.beforeUpdate(changed -> storeCalls.add("update " + where()));
        int before = api.transactions.opened();

        assertThat(api.delete(path, "If-Match", "\"1\"").status()).isEqualTo(202);

        assertThat(api.transactions.opened() - before).isEqualTo(1);
        assertThat(storeCalls).containsExactly("find in a transaction", "update in a transaction");
    }

    @Test
    void aConcurrentChangeWithoutIfMatchIsRetried() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        changeConcurrentlyJustBeforeTheWrites(1);

        assertThat(api.delete(path).status()).isEqualTo(202);
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("deleting");
        assertThat(api.get(path).json().path("purpose").asText()).isEqualTo("changed meanwhile");
    }

    @Test
    void aConcurrentChangeOnEveryAttemptWithoutIfMatchIsA409AndDeletesNothing() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        changeConcurrentlyJustBeforeTheWrites(3);

        assertProblem(api.delete(path), 409, "concurrent-modification");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("pending");
        assertThat(jobsOf(path.substring("/v1/databases/".length()))).hasSize(1);
    }

    @Test
    void aConcurrentChangeAfterAMatchingIfMatchIsA412AndDeletesNothing() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        changeConcurrentlyJustBeforeTheWrites(1);

        assertProblem(api.delete(path, "If-Match", "\"1\""), 412, "version-mismatch");
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("pending");
        assertThat(jobsOf(path.substring("/v1/databases/".length()))).hasSize(1);
    }

    @Test
    void aDatabaseWhoseProvisioningFailedCanBeDeleted() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();
        api.provisioner.failWith(new ProvisioningException(
                "a database named orders already exists on the target and was not created by DAAP"));
        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("failed");
        api.provisioner.recover();

        TestResponse response = api.delete(path);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("deleting");
        assertThat(response.json().path("failure_reason").isNull()).isTrue();
        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("deleted");
        assertThat(jobsOf(path.substring("/v1/databases/".length())))
                .extracting(Job::kind, Job::state)
                .containsExactly(
                        tuple(JobKind.DEACTIVATE, JobState.SUCCEEDED), tuple(JobKind.PROVISION, JobState.FAILED));
    }

    @Test
    void deletingAnUnknownDatabaseIsA404() {
        assertProblem(api.delete("/v1/databases/" + UUID.randomUUID()), 404, "database-not-found");
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

    private String where() {
        return api.transactions.isOpenOnThisThread() ? "in a transaction" : "outside any transaction";
    }

    private List<Job> jobsOf(String id) {
        return api.jobs.forDatabase(DatabaseId.parse(id), 10);
    }
}
