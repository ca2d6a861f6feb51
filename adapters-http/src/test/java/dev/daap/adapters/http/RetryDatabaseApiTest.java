package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.http.TestResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RetryDatabaseApiTest extends ApiTest {
    private static final ProvisioningException TARGET_DOWN =
            new ProvisioningException("cannot reach the target cluster at db.test:5432");

    @Test
    void retryingAFailedProvisionAnswers202AndSchedulesANewProvisionJob() {
        JsonNode created = api.create("orders");
        String path = "/v1/databases/" + created.path("id").asText();
        api.provisioner.failWith(TARGET_DOWN);
        api.runJobs();
        api.provisioner.recover();

        TestResponse response = api.post(path + "/retry");

        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("failure_reason").isNull()).isTrue();
        assertThat(response.header("ETag"))
                .isEqualTo("\"" + body.path("version").asLong() + "\"");
        List<Job> jobs = jobsOf(created);
        assertThat(jobs).extracting(Job::kind).containsExactly(JobKind.PROVISION, JobKind.PROVISION);
        assertThat(jobs.getFirst().state()).isEqualTo(JobState.SCHEDULED);
        assertThat(jobs.getLast().state()).isEqualTo(JobState.FAILED);
        assertThat(body.path("latest_operation_id").asText())
                .isEqualTo(jobs.getFirst().id().toString())
                .isNotEqualTo(created.path("latest_operation_id").asText());

        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("ready");
    }

    @Test
    void retryingAFailedDeletionDeletesAgain() {
        String path = api.createReady("orders");
        api.provisioner.failWith(TARGET_DOWN);
        api.delete(path);
        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("failed");
        api.provisioner.recover();

        TestResponse response = api.post(path + "/retry");

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("deleting");
        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("deleted");
    }

    @Test
    void retryingADatabaseThatHasNotFailedIsA409() {
        JsonNode created = api.create("orders");

        TestResponse response = api.post("/v1/databases/" + created.path("id").asText() + "/retry");

        JsonNode problem = assertProblem(response, 409, "illegal-transition");
        assertThat(problem.path("detail").asText()).contains("pending");
        assertThat(response.header("ETag")).isNull();
        assertThat(jobsOf(created)).hasSize(1);
    }

    @Test
    void retryingAnUnknownDatabaseIsA404() {
        assertProblem(api.post("/v1/databases/" + UUID.randomUUID() + "/retry"), 404, "database-not-found");
    }

    private List<Job> jobsOf(JsonNode database) {
        return api.jobs.forDatabase(DatabaseId.parse(database.path("id").asText()), 10);
    }
}
