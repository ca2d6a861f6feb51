package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The users of a database over HTTP, on the fakes: what each answer holds, who may do what, and the jobs queued. */
class UsersApiTest extends ApiTest {

    @Test
    void aNewUserComesWithItsCredentialsAndIsReadyOnceItsLoginIsMade() {
        String path = api.createReady("orders");

        TestResponse created = api.post(path + "/users", """
                {"name": "reporting", "access": "read_only"}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.header("Location")).isEqualTo(path + "/users/reporting");
        JsonNode user = created.json().path("user");
        assertThat(user.path("status").asText()).isEqualTo("creating");
        assertThat(user.path("access").asText()).isEqualTo("read_only");
        JsonNode current = created.json().path("credentials").path("current");
        String password = current.path("password").asText();
        String username = current.path("username").asText();
        assertThat(username)
                .startsWith("reporting.")
                .endsWith(".a")
                .isEqualTo(user.path("username").asText());
        assertThat(current.path("uri").asText())
                .isEqualTo("postgresql://" + username + ":" + password + "@db.test:5432/payments_orders");
        assertThat(created.json().path("credentials").path("previous").isNull()).isTrue();

        api.runJobs();

        assertThat(api.provisioner.calls(Action.ENABLE_LOGIN))
                .singleElement()
                .satisfies(call -> assertThat(call.password()).isEqualTo(password));
        assertThat(api.get(path + "/users/reporting").json().path("status").asText())
                .isEqualTo("ready");
        assertThat(api.get(path + "/users/reporting/credentials")
                        .json()
                        .path("current")
                        .path("password")
                        .asText())
                .isEqualTo(password);
        JsonNode list = api.get(path + "/users").json();
        assertThat(list.path("items").findValuesAsText("name")).containsExactly("owner", "reporting");
        assertThat(api.get(path + "/users").body()).doesNotContain(password);
        assertThat(api.get("/v1/audit-events").body())
                .contains("user.create", "user.credentials_read")
                .doesNotContain(password);
        assertThat(api.get("/v1/events?format=json").body())
                .contains("user.created", "user.status_changed")
                .doesNotContain(password);
    }

    @Test
    void theFirstOwnerIsTheDatabasesOwnLoginAndItsCredentialsAreTheDatabases() {
        String path = api.createReady("orders");

        JsonNode owner = api.get(path + "/users/owner").json();
        JsonNode credentials = api.get(path + "/users/owner/credentials").json();

        assertThat(owner.path("access").asText()).isEqualTo("owner");
        assertThat(owner.path("username").asText()).isEqualTo("payments_orders");
        assertThat(credentials.path("current").path("password").asText())
                .isEqualTo(
                        api.get(path + "/credentials").json().path("password").asText());
        assertProblem(api.delete(path + "/users/owner"), 409, "illegal-transition");
    }

    @Test
    void badNamesAndLevelsAreAllReportedAndANameIsTakenOnce() {
        String path = api.createReady("orders");

        JsonNode problem = assertProblem(api.post(path + "/users", """
                {"name": "Bad_Name", "access": "admin"}"""), 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("name", "access");
        assertThat(api.post(path + "/users", """
                {"name": "app", "access": "read_write"}""").status()).isEqualTo(201);
        assertProblem(api.post(path + "/users", """
                {"name": "app", "access": "owner"}"""), 409, "name-taken");
        assertProblem(api.get(path + "/users/nobody"), 404, "user-not-found");
    }

    @Test
    void aDatabaseHasAtMostItsLimitOfUsersAndOneBeingDeletedNoLongerCounts() {
        String path = api.createReady("orders");
        for (int i = 1; i < TestApi.USER_LIMIT; i++) { // the first owner is one of them
            assertThat(api.post(path + "/users", "{\"name\": \"app-" + i + "\", \"access\": \"read_only\"}")
                            .status())
                    .isEqualTo(201);
        }
        api.runJobs();

        JsonNode problem = assertProblem(api.post(path + "/users", """
                {"name": "one-more", "access": "read_only"}"""), 409, "user-limit");
        assertThat(problem.path("detail").asText()).contains("at most " + TestApi.USER_LIMIT);
        assertThat(api.get(path + "/users").json().path("items")).hasSize(TestApi.USER_LIMIT);

        assertThat(api.delete(path + "/users/app-1").status()).isEqualTo(202);
        assertThat(api.post(path + "/users", """
                {"name": "one-more", "access": "read_only"}""").status()).isEqualTo(201);
    }

    @Test
    void aUserWhoseLoginCannotBeMadeIsFailedWithTheReasonAndCanBeDeletedAndMadeAgain() {
        String path = api.createReady("orders");
        api.provisioner.failWith(new ProvisioningException("the target cluster refused CREATE ROLE: out of roles"));

        api.post(path + "/users", """
                {"name": "reporting", "access": "read_only"}""");
        api.runJobs(); // every attempt

        JsonNode failed = api.get(path + "/users/reporting").json();
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("failure_reason").asText()).contains("out of roles");
        assertProblem(api.post(path + "/users/reporting/credentials/rotate", null), 409, "illegal-transition");
        assertThat(api.get("/v1/events?format=json").body()).contains("\"to\":\"failed\"");
        api.provisioner.recover();
        assertThat(api.delete(path + "/users/reporting").status()).isEqualTo(202);
        api.runJobs();
        assertThat(api.post(path + "/users", """
                {"name": "reporting", "access": "read_only"}""").status()).isEqualTo(201);
        api.runJobs();
        assertThat(api.get(path + "/users/reporting").json().path("status").asText())
                .isEqualTo("ready");
    }

    @Test
    void aViewerListsUsersButReadsNoCredentials() {
        String path = api.createReady("orders");
        String viewer = api.issueKey("payments", Role.VIEWER);
        TestClient asViewer = api.client().as(viewer);

        assertThat(asViewer.get(path + "/users").status()).isEqualTo(200);
        assertProblem(asViewer.get(path + "/users/owner/credentials"), 403, "forbidden");
        assertProblem(asViewer.post(path + "/users/owner/credentials/rotate", null), 403, "forbidden");
    }

    @Test
    void aDeletedUserLosesBothLoginsAndItsNameIsFreeAgain() {
        String path = api.createReady("orders");
        api.post(path + "/users", """
                {"name": "app", "access": "owner"}""");
        api.runJobs();

        TestResponse deleted = api.delete(path + "/users/app");

        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.json().path("status").asText()).isEqualTo("deleting");
        api.runJobs();
        assertThat(api.provisioner.calls(Action.DROP_LOGIN)).hasSize(2);
        assertProblem(api.get(path + "/users/app"), 404, "user-not-found");
        assertThat(api.post(path + "/users", """
                {"name": "app", "access": "read_only"}""").status()).isEqualTo(201);
    }

    @Test
    void aRotationWithAnOverlapKeepsThePreviousLoginUntilItsWindowEnds() {
        String path = api.createReady("orders");
        String first = api.get(path + "/credentials").json().path("password").asText();

        TestResponse rotated = api.post(path + "/users/owner/credentials/rotate", """
                {"overlap": "1h"}""");

        assertThat(rotated.status()).isEqualTo(200);
        JsonNode previous = rotated.json().path("previous");
        assertThat(previous.path("username").asText()).isEqualTo("payments_orders");
        Instant validUntil = Instant.parse(previous.path("valid_until").asText());
        assertThat(rotated.json().path("current").path("password").asText()).isNotEqualTo(first);
        api.runJobs();
        assertThat(api.provisioner.calls(Action.DISABLE_LOGIN))
                .as("not before the window ends")
                .isEmpty();
        assertThat(api.endExpiredOverlaps().execute()).isZero();

        api.clock.advance(Duration.between(api.clock.instant(), validUntil).plusSeconds(1));
        assertThat(api.endExpiredOverlaps().execute()).isEqualTo(1);
        api.runJobs();

        assertThat(api.provisioner.calls(Action.DISABLE_LOGIN))
                .singleElement()
                .satisfies(call -> assertThat(call.name().value()).isEqualTo("payments_orders"));
        assertThat(api.get(path + "/users/owner/credentials")
                        .json()
                        .path("previous")
                        .isNull())
                .isTrue();
        assertThat(api.get("/v1/events?format=json").body()).contains("user.previous_login_ended");
    }

    @Test
    void revokePreviousEndsTheOverlapEarly() {
        String path = api.createReady("orders");
        api.post(path + "/users/owner/credentials/rotate", """
                {"overlap": "2h"}""");

        TestResponse revoked = api.post(path + "/users/owner/credentials/revoke-previous", null);
        api.runJobs();

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(api.provisioner.calls(Action.DISABLE_LOGIN)).hasSize(1);
        assertThat(api.get(path + "/users/owner")
                        .json()
                        .path("previous_username")
                        .isNull())
                .isTrue();
        assertThat(api.get("/v1/audit-events").body()).contains("user.previous_login_revoke");
    }

    @Test
    void anOverlapThatIsNotADurationIsAnInputProblem() {
        String path = api.createReady("orders");

        JsonNode problem = assertProblem(api.post(path + "/users/owner/credentials/rotate", """
                {"overlap": "forever"}"""), 422, "invalid-input");

        assertThat(errorFields(problem)).containsExactly("overlap");
        assertThat(api.provisioner.calls(Action.ENABLE_LOGIN)).isEmpty();
    }
}
