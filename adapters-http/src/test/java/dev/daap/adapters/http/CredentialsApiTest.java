package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.FakeProvisioner.Call;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CredentialsApiTest extends ApiTest {

    @Test
    void aReadyDatabaseHasCredentialsThatNoCacheMayKeep() {
        String path = api.createReady("orders");

        TestResponse response = api.get(path + "/credentials");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
        assertThat(fieldNames(body))
                .containsExactly("host", "port", "database", "username", "password", "sslmode", "uri");
        String password = api.vault.read(idOf(path)).orElseThrow();
        assertThat(body.path("password").asText()).isEqualTo(password).isNotBlank();
        assertThat(body.path("host").asText()).isEqualTo("db.test");
        assertThat(body.path("port").asInt()).isEqualTo(5432);
        assertThat(body.path("database").asText()).isEqualTo("payments_orders");
        assertThat(body.path("username").asText()).isEqualTo("payments_orders");
        assertThat(body.path("sslmode").isNull()).as("the cluster sets none").isTrue();
        assertThat(body.path("uri").asText())
                .isEqualTo("postgresql://payments_orders:" + password + "@db.test:5432/payments_orders");
    }

    @Test
    void theClusterSslmodeAndClientHostAreInTheConnectionDetails() {
        TestResponse patched = api.patch("/v1/clusters/default", """
                {"connect_host": "pg.example.com", "connect_port": 6432, "connect_sslmode": "verify-full"}""");
        assertThat(patched.status()).isEqualTo(200);
        String path = api.createReady("orders");

        JsonNode body = api.get(path + "/credentials").json();

        assertThat(body.path("host").asText()).isEqualTo("pg.example.com");
        assertThat(body.path("port").asInt()).isEqualTo(6432);
        assertThat(body.path("sslmode").asText()).isEqualTo("verify-full");
        assertThat(body.path("uri").asText())
                .isEqualTo("postgresql://payments_orders:"
                        + body.path("password").asText() + "@pg.example.com:6432/payments_orders?sslmode=verify-full");
        assertThat(api.get(path).json().path("connection").path("sslmode").asText())
                .isEqualTo("verify-full");
    }

    @Test
    void aNewClientEndpointOfTheClusterReachesTheDatabasesAlreadyOnIt() {
        String path = api.createReady("orders");
        long version = api.get(path).json().path("version").asLong();

        api.patch("/v1/clusters/default", """
                {"connect_host": "10.1.2.3", "connect_sslmode": "require"}""");

        JsonNode database = api.get(path).json();
        assertThat(database.path("connection").path("host").asText()).isEqualTo("10.1.2.3");
        assertThat(database.path("connection").path("port").asInt())
                .as("still the admin URL's")
                .isEqualTo(5432);
        assertThat(database.path("version").asLong()).as("a new ETag").isEqualTo(version + 1);
        assertThat(api.get(path + "/credentials").json().path("uri").asText())
                .endsWith("@10.1.2.3:5432/payments_orders?sslmode=require");
    }

    @Test
    void theDatabaseResourceNeverShowsThePassword() {
        String path = api.createReady("orders");
        String password = api.vault.read(idOf(path)).orElseThrow();

        assertThat(api.get(path).body()).doesNotContain(password);
        assertThat(api.get("/v1/databases").body()).doesNotContain(password);
        assertThat(api.get(path + "/operations").body()).doesNotContain(password);
    }

    @Test
    void aDatabaseThatIsNotReadyHasNoCredentialsYet() {
        String path = "/v1/databases/" + api.create("orders").path("id").asText();

        JsonNode problem = assertProblem(api.get(path + "/credentials"), 409, "illegal-transition");

        assertThat(problem.path("detail").asText()).contains("pending");
        assertProblem(api.post(path + "/credentials/rotate"), 409, "illegal-transition");
        assertThat(api.provisioner.calls(Action.ENABLE_LOGIN)).isEmpty();
    }

    @Test
    void rotateSetsANewPasswordOnTheOtherLoginStoresItAndClosesTheOldLoginAtOnce() {
        String path = api.createReady("orders");
        String old = api.get(path + "/credentials").json().path("password").asText();

        TestResponse response = api.post(path + "/credentials/rotate");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        String rotated = response.json().path("password").asText();
        String username = response.json().path("username").asText();
        assertThat(rotated).isNotBlank().isNotEqualTo(old);
        assertThat(username)
                .as("the first owner's other login")
                .startsWith("owner.")
                .endsWith(".b");
        assertThat(response.json().path("uri").asText())
                .isEqualTo("postgresql://" + username + ":" + rotated + "@db.test:5432/payments_orders");
        assertThat(api.provisioner.calls(Action.ENABLE_LOGIN))
                .singleElement()
                .satisfies(call -> assertThat(call.password()).isEqualTo(rotated));
        assertThat(api.provisioner.calls(Action.DISABLE_LOGIN))
                .as("the old password stops at once")
                .extracting(call -> call.name().value())
                .contains("payments_orders");
        assertThat(api.get(path + "/credentials").json().path("password").asText())
                .isEqualTo(rotated);
        assertThat(api.vault.read(idOf(path)))
                .as("login a keeps its password, closed")
                .contains(old);
    }

    @Test
    void aTargetThatRefusesTheRotationIsA502WithItsReasonButNothingFromItsCause() {
        String path = api.createReady("orders");
        String old = api.vault.read(idOf(path)).orElseThrow();
        api.provisioner.failWith(new ProvisioningException(
                "the target cluster refused changing the password",
                new IllegalStateException("ALTER ROLE orders PASSWORD 'cause-secret'")));

        TestResponse response = api.post(path + "/credentials/rotate");

        JsonNode problem = assertProblem(response, 502, "target-unavailable");
        assertThat(problem.path("detail").asText()).isEqualTo("the target cluster refused changing the password");
        assertThat(response.body()).doesNotContain("cause-secret").doesNotContain("ALTER ROLE");
        List<Call> attempts = api.provisioner.calls(Action.ENABLE_LOGIN);
        assertThat(response.body()).doesNotContain(attempts.getFirst().password());
        assertThat(api.get(path + "/credentials").json().path("password").asText())
                .as("the old password still works")
                .isEqualTo(old);
    }

    @Test
    void anUnknownDatabaseHasNoCredentials() {
        String path = "/v1/databases/" + UUID.randomUUID();

        assertProblem(api.get(path + "/credentials"), 404, "database-not-found");
        assertProblem(api.post(path + "/credentials/rotate"), 404, "database-not-found");
    }

    @Test
    void credentialsCannotBeWrittenDirectly() {
        String path = api.createReady("orders");

        TestResponse response = api.send("PUT", path + "/credentials", TestClient.JSON, "{\"password\": \"mine\"}");

        assertProblem(response, 405, "method-not-allowed");
        assertThat(response.header("Allow")).contains("GET").doesNotContain("PUT");
    }

    private static DatabaseId idOf(String path) {
        return DatabaseId.parse(path.substring(path.lastIndexOf('/') + 1));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
