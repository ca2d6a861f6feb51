package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.domain.cluster.ClusterProbeException;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.FakeProvisioner;
import dev.daap.testing.FakeProvisioner.Action;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /v1/clusters} over HTTP, on the fake fleet (its one cluster, {@code default}, is registered already). */
class ClustersApiTest extends ApiTest {
    private static final String SECRET = "admin-secret";
    private static final String EU_1 = """
            {"name": "eu-1", "admin_url": "postgres://admin:admin-secret@db.test:5432/postgres",
             "region": "eu-west-1", "labels": {"tier": "gold"}, "max_databases": 10, "max_storage_bytes": 1000000,
             "connect_host": "pg-eu-1.example.com", "connect_port": 6432, "connect_sslmode": "require"}""";
    private final List<String> bodies = new ArrayList<>();

    @Test
    void aRegisteredClusterAnswers201WithItsRepresentationAndNoAdminUrl() {
        TestResponse response = seen(api.post("/v1/clusters", EU_1));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/v1/clusters/eu-1");
        assertThat(response.header("ETag")).isEqualTo("\"1\"");
        JsonNode body = response.json();
        assertThat(fieldNames(body))
                .containsExactly(
                        "name",
                        "region",
                        "labels",
                        "state",
                        "max_databases",
                        "max_storage_bytes",
                        "database_count",
                        "storage_bytes",
                        "connect_host",
                        "connect_port",
                        "connect_sslmode",
                        "health",
                        "created_at",
                        "updated_at",
                        "version");
        assertThat(fieldNames(body.path("health")))
                .containsExactly(
                        "status",
                        "checked_at",
                        "server_version",
                        "latency_ms",
                        "connections",
                        "max_connections",
                        "error",
                        "consecutive_failures",
                        "public_connect_databases",
                        "backups");
        assertThat(body.path("state").asText()).isEqualTo("active");
        assertThat(body.path("health").path("status").asText())
                .as("registration connected")
                .isEqualTo("up");
        assertThat(body.path("health").path("server_version").asText()).isEqualTo(FakeProvisioner.SERVER_VERSION);
        assertThat(body.path("connect_host").asText()).isEqualTo("pg-eu-1.example.com");
        assertThat(body.path("max_databases").asLong()).isEqualTo(10);
        assertThat(api.provisioner.calls(Action.CHECK_ADMIN))
                .extracting(call -> call.cluster().value())
                .containsExactly("eu-1");
        assertThat(seen(api.get("/v1/clusters/eu-1")).json()).isEqualTo(body);
        assertAdminUrlNeverShown();
    }

    @Test
    void withoutConnectSettingsClientsConnectWhereTheAdminUrlPoints() {
        JsonNode body = seen(api.post("/v1/clusters", """
                        {"name": "plain", "admin_url": "postgres://admin:admin-secret@db.test:5439/postgres"}""")).json();

        assertThat(body.path("connect_host").asText()).isEqualTo("db.test");
        assertThat(body.path("connect_port").asInt()).isEqualTo(5439);
        assertThat(body.path("connect_sslmode").isNull()).isTrue();
        assertThat(body.path("region").isNull()).isTrue();
        assertThat(body.path("max_databases").isNull()).isTrue();
    }

    @Test
    void registeringClosesTheClustersOtherDatabasesToPublicAndTheHealthListsThoseStillOpen() {
        api.isolation.leaveOpen(List.of("postgres", "template1"));

        JsonNode body = seen(api.post("/v1/clusters", EU_1)).json();

        assertThat(api.isolation.asked())
                .extracting(url -> url.address().host())
                .containsExactly("db.test");
        assertThat(body.path("health").path("public_connect_databases"))
                .extracting(JsonNode::asText)
                .containsExactly("postgres", "template1");
        assertAdminUrlNeverShown();
    }

    @Test
    void aClusterThatFailsToBeClosedAfterItsCheckIsRegisteredAllTheSame() {
        api.isolation.failWith(new ClusterProbeException("the connection was reset", null));

        TestResponse response = seen(api.post("/v1/clusters", EU_1));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("health").path("status").asText()).isEqualTo("up");
        assertThat(response.json().path("health").path("public_connect_databases"))
                .isEmpty();
    }

    @Test
    void anAdminUrlTheClusterRefusesIsA422SayingWhyWithoutSecrets() {
        api.provisioner.failWith(new ProvisioningException("the target cluster at db.test:5432 rejected the admin"
                + " login: password authentication failed for user [redacted] (check the admin user and password)"));

        JsonNode problem = assertProblem(seen(api.post("/v1/clusters", EU_1)), 422, "invalid-input");

        assertThat(errorFields(problem)).containsExactly("admin_url");
        assertThat(messageOf(problem, "admin_url")).contains("rejected the admin login");
        assertProblem(api.get("/v1/clusters/eu-1"), 404, "cluster-not-found");
        assertThat(api.auditLog.all()).isEmpty();
        assertAdminUrlNeverShown();
    }

    @Test
    void badFieldsAreReportedAtOnceAndNeverQuoteTheAdminUrl() {
        JsonNode problem = assertProblem(seen(api.post("/v1/clusters", """
                        {"name": "EU", "admin_url": "mysql://admin:admin-secret@db/x", "region": "EU West",
                         "max_databases": -1, "connect_port": 70000, "connect_sslmode": "sometimes"}""")), 422, "invalid-input");

        assertThat(errorFields(problem))
                .containsExactly("name", "admin_url", "region", "max_databases", "connect_port", "connect_sslmode");
        assertThat(api.provisioner.calls()).as("nothing was tried").isEmpty();
        assertAdminUrlNeverShown();
    }

    @Test
    void aSecondClusterOfTheSameNameIsA409BeforeAnyConnection() {
        api.post("/v1/clusters", EU_1);

        assertProblem(seen(api.post("/v1/clusters", EU_1)), 409, "cluster-taken");
        assertThat(api.provisioner.calls(Action.CHECK_ADMIN)).hasSize(1);
    }

    @Test
    void teamKeysSeeNameRegionLabelsStateAndHealthStatusOnlyAndChangeNothing() {
        api.post("/v1/clusters", EU_1);
        String viewer = api.issueKey("payments", Role.ADMIN);

        JsonNode one = seen(api.as(viewer).get("/v1/clusters/eu-1")).json();
        JsonNode list = seen(api.as(viewer).get("/v1/clusters")).json();

        assertThat(fieldNames(one)).containsExactly("name", "region", "labels", "state", "health");
        assertThat(fieldNames(one.path("health"))).containsExactly("status");
        assertThat(list.path("items"))
                .hasSize(2)
                .allSatisfy(item ->
                        assertThat(fieldNames(item)).containsExactly("name", "region", "labels", "state", "health"));
        assertProblem(api.as(viewer).post("/v1/clusters", EU_1), 403, "forbidden");
        assertProblem(api.as(viewer).patch("/v1/clusters/eu-1", "{\"state\": \"cordoned\"}"), 403, "forbidden");
        assertProblem(api.as(viewer).delete("/v1/clusters/eu-1"), 403, "forbidden");
        assertAdminUrlNeverShown();
    }

    @Test
    void theListIsInNameOrderAPageAtATime() {
        api.post("/v1/clusters", EU_1.replace("eu-1", "eu-2"));
        api.post("/v1/clusters", EU_1);

        JsonNode first = api.get("/v1/clusters?page_size=2").json();
        JsonNode second = api.get("/v1/clusters?page_size=2&page_token="
                        + first.path("next_page_token").asText())
                .json();

        assertThat(first.path("items").findValuesAsText("name")).containsExactly("default", "eu-1");
        assertThat(second.path("items").findValuesAsText("name")).containsExactly("eu-2");
        assertThat(second.path("next_page_token").isNull()).isTrue();
    }

    @Test
    void aMergePatchChangesSettingsUnderIfMatchAndIsAudited() {
        api.post("/v1/clusters", EU_1);

        TestResponse patched = seen(api.patch("/v1/clusters/eu-1", """
                {"region": null, "labels": {"tier": null, "disk": "ssd"}, "max_databases": null,
                 "connect_host": null, "connect_sslmode": "verify-full"}""", "If-Match", "\"1\""));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.header("ETag")).isEqualTo("\"2\"");
        JsonNode body = patched.json();
        assertThat(body.path("region").isNull()).isTrue();
        assertThat(body.path("labels").toString()).isEqualTo("{\"disk\":\"ssd\"}");
        assertThat(body.path("max_databases").isNull()).isTrue();
        assertThat(body.path("max_storage_bytes").asLong()).isEqualTo(1_000_000);
        assertThat(body.path("connect_host").asText())
                .as("back to the admin URL's")
                .isEqualTo("db.test");
        assertThat(body.path("connect_port").asInt()).isEqualTo(6432);
        assertThat(body.path("connect_sslmode").asText()).isEqualTo("verify-full");
        assertProblem(
                api.patch("/v1/clusters/eu-1", "{\"state\": \"cordoned\"}", "If-Match", "\"1\""),
                412,
                "version-mismatch");
        assertThat(api.auditLog.all())
                .extracting(event -> event.action())
                .containsExactly("cluster.register", "cluster.update");
        assertThat(api.auditLog.all().getLast().before()).containsEntry("region", "eu-west-1");
        assertThat(api.auditLog.all().getLast().after()).containsEntry("connect_sslmode", "verify-full");
        assertAdminUrlNeverShown();
    }

    @Test
    void aNewAdminUrlIsCheckedBeforeItIsKeptAndTheAuditSaysOnlyThatItWasReplaced() {
        api.post("/v1/clusters", EU_1);
        api.provisioner.failWith(new ProvisioningException("cannot reach the target cluster at db.test:5999"));

        JsonNode refused = assertProblem(
                seen(api.patch(
                        "/v1/clusters/eu-1", "{\"admin_url\": \"postgres://admin:new-secret@db.test:5999/postgres\"}")),
                422,
                "invalid-input");
        assertThat(errorFields(refused)).containsExactly("admin_url");
        assertThat(api.get("/v1/clusters/eu-1").json().path("version").asLong()).isEqualTo(1);

        api.provisioner.recover();
        JsonNode replaced = seen(api.patch(
                        "/v1/clusters/eu-1", "{\"admin_url\": \"postgres://admin:new-secret@db.test:5999/postgres\"}"))
                .json();
        assertThat(replaced.path("version").asLong()).isEqualTo(2);
        assertThat(replaced.path("connect_host").asText()).as("set explicitly").isEqualTo("pg-eu-1.example.com");
        assertThat(api.fleet
                        .secrets
                        .find(api.fleet.cluster("eu-1").id())
                        .orElseThrow()
                        .port())
                .isEqualTo(5999);
        assertThat(api.auditLog.all().getLast().after()).containsEntry("admin_url_replaced", true);
        assertThat(api.auditLog.all().toString()).doesNotContain("new-secret", "admin:");
        assertThat(String.join("\n", bodies)).doesNotContain("new-secret");
    }

    @Test
    void readOnlyUnknownAndBadlyTypedPatchMembersAreRefused() {
        api.post("/v1/clusters", EU_1);

        assertProblem(api.patch("/v1/clusters/eu-1", "{\"name\": \"eu-9\"}"), 422, "invalid-input");
        assertProblem(api.patch("/v1/clusters/eu-1", "{\"database_count\": 0}"), 422, "invalid-input");
        assertProblem(api.patch("/v1/clusters/eu-1", "{\"state\": null}"), 422, "invalid-input");
        assertProblem(api.patch("/v1/clusters/eu-1", "{\"state\": \"paused\"}"), 422, "invalid-input");
        assertProblem(api.patch("/v1/clusters/eu-1", "{\"colour\": \"red\"}"), 400, "malformed-request");
        assertProblem(api.patch("/v1/clusters/eu-1", "{\"max_databases\": \"ten\"}"), 400, "malformed-request");
        assertProblem(api.patch("/v1/clusters/nowhere", "{\"state\": \"cordoned\"}"), 404, "cluster-not-found");
        assertThat(api.get("/v1/clusters/eu-1").json().path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aClusterHoldingLiveDatabasesCannotBeDeletedAnEmptyOneCan() {
        var id = api.fleet.cluster("default").id();
        api.createReady("orders");

        JsonNode problem = assertProblem(api.delete("/v1/clusters/default"), 409, "cluster-not-empty");
        assertThat(problem.path("detail").asText()).contains("1 live database");

        String database = "/v1/databases/"
                + api.get("/v1/databases")
                        .json()
                        .path("items")
                        .get(0)
                        .path("id")
                        .asText();
        api.delete(database);
        assertProblem(api.delete("/v1/clusters/default"), 409, "cluster-not-empty"); // deleting: still there
        api.runJobs();
        assertProblem(api.delete("/v1/clusters/default"), 409, "cluster-not-empty"); // deleted: its data too
        api.delete(database + "?purge=true");
        api.runJobs();
        assertProblem(api.delete("/v1/clusters/default", "If-Match", "\"7\""), 412, "version-mismatch");

        TestResponse deleted = api.delete("/v1/clusters/default", "If-Match", "\"1\"");

        assertThat(deleted.status()).isEqualTo(204);
        assertProblem(api.get("/v1/clusters/default"), 404, "cluster-not-found");
        assertThat(api.fleet.secrets.find(id)).as("the admin URL is forgotten").isEmpty();
        assertThat(api.auditLog.all().getLast().action()).isEqualTo("cluster.delete");
        assertThat(api.post("/v1/clusters", EU_1.replace("eu-1", "default")).status())
                .as("the name is free again")
                .isEqualTo(201);
    }

    @Test
    void aRegistrationIsReplayedForTheSameIdempotencyKeyWithoutConnectingAgain() {
        TestResponse first = api.post("/v1/clusters", EU_1, "Idempotency-Key", "register-eu-1");
        TestResponse replay = api.post("/v1/clusters", EU_1, "Idempotency-Key", "register-eu-1");

        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(api.provisioner.calls(Action.CHECK_ADMIN)).hasSize(1);
    }

    private TestResponse seen(TestResponse response) {
        bodies.add(response.body());
        return response;
    }

    /** Neither the admin password nor the admin URL is in any answer seen, the audit log or the events. */
    private void assertAdminUrlNeverShown() {
        String answers = String.join("\n", bodies);
        assertThat(answers).doesNotContain(SECRET, "postgres://admin", "admin:");
        assertThat(api.auditLog.all().toString()).doesNotContain(SECRET, "postgres://");
        assertThat(api.events.all().toString()).doesNotContain(SECRET, "postgres://");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
