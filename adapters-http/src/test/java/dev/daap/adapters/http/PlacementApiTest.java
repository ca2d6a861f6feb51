package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where creates land, on a fake fleet of three: {@code default} (no region), {@code eu-1} and {@code eu-2} in
 * eu-west-1 with labels of their own. The race for the last places runs against PostgreSQL in
 * {@code PlacementRaceTest}; here every rule is seen through the API.
 */
class PlacementApiTest extends ApiTest {

    @BeforeEach
    void aFleetOfThree() {
        register("eu-1", "{\"tier\": \"gold\", \"disk\": \"ssd\"}", 2);
        register("eu-2", "{\"tier\": \"silver\"}", 10);
    }

    @Test
    void aRegionAndLabelsLeadToTheClusterThatHasThemAll() {
        JsonNode gold = create("orders", "{\"region\": \"eu-west-1\", \"labels\": {\"tier\": \"gold\"}}");
        JsonNode silver = create("carts", "{\"region\": \"eu-west-1\", \"labels\": {\"tier\": \"silver\"}}");
        JsonNode anywhere = create("ledger", null);

        assertThat(gold.path("cluster").asText()).isEqualTo("eu-1");
        assertThat(silver.path("cluster").asText()).isEqualTo("eu-2");
        assertThat(anywhere.path("cluster").asText())
                .as("the least full of the three, by name among the equally full")
                .isEqualTo("default");
        assertThat(api.auditLog.all())
                .filteredOn(entry -> entry.action().equals("database.create"))
                .extracting(entry -> entry.after().get("cluster"))
                .containsExactly("eu-1", "eu-2", "default");
        api.runJobs();
        assertThat(api.get("/v1/operations/" + gold.path("latest_operation_id").asText())
                        .json()
                        .path("cluster")
                        .asText())
                .isEqualTo("eu-1");
        assertThat(api.provisioner.calls())
                .filteredOn(call -> call.action().name().equals("PROVISION"))
                .extracting(call -> call.cluster().value())
                .containsExactlyInAnyOrder("eu-1", "eu-2", "default");
    }

    @Test
    void theLeastFullClusterTakesTheNextDatabase() {
        create("one", "{\"region\": \"eu-west-1\"}"); // eu-1 and eu-2 are both empty: eu-1 by name
        JsonNode second = create("two", "{\"region\": \"eu-west-1\"}");

        assertThat(second.path("cluster").asText())
                .as("eu-1 is half full (1 of 2), eu-2 a tenth (0 of 10)")
                .isEqualTo("eu-2");
    }

    @Test
    void storageCountsTowardsFullness() {
        api.fleet.clusters.recordStorage(api.fleet.cluster("eu-2").id(), 900);
        api.patch("/v1/clusters/eu-2", "{\"max_storage_bytes\": 1000}");

        JsonNode placed = create("orders", "{\"region\": \"eu-west-1\"}");
        assertThat(placed.path("cluster").asText())
                .as("eu-2 is 90% full by storage")
                .isEqualTo("eu-1");

        api.fleet.clusters.recordStorage(api.fleet.cluster("eu-2").id(), 1000);
        create("carts", "{\"region\": \"eu-west-1\"}"); // the last place on eu-1
        JsonNode problem = noCapacity("ledger", "{\"region\": \"eu-west-1\"}");
        assertThat(reasons(problem)).containsExactly("default:region", "eu-1:full", "eu-2:full");
        assertThat(problem.path("candidates").get(2).path("description").asText())
                .contains("max_storage_bytes");
    }

    @Test
    void aCordonedClusterTakesNoNewDatabasesButKeepsItsOwn() {
        JsonNode before = create("orders", "{\"labels\": {\"tier\": \"silver\"}}");
        api.patch("/v1/clusters/eu-2", "{\"state\": \"cordoned\"}");

        JsonNode problem = noCapacity("carts", "{\"labels\": {\"tier\": \"silver\"}}");

        assertThat(reasons(problem)).containsExactly("default:labels", "eu-1:labels", "eu-2:cordoned");
        api.runJobs();
        assertThat(api.get("/v1/databases/" + before.path("id").asText())
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("ready");
        api.patch("/v1/clusters/eu-2", "{\"state\": \"active\"}");
        assertThat(create("carts", "{\"labels\": {\"tier\": \"silver\"}}")
                        .path("cluster")
                        .asText())
                .isEqualTo("eu-2");
    }

    @Test
    void aFullClusterIsPassedOverAndNoCapacitySaysWhyForEach() {
        create("one", "{\"labels\": {\"tier\": \"gold\"}}");
        create("two", "{\"labels\": {\"tier\": \"gold\"}}");

        TestResponse response = api.post("/v1/databases", """
                {"name": "three", "owner_team": "payments", "purpose": "p", "placement": {"labels": {"tier": "gold"}}}""");

        JsonNode problem = assertProblem(response, 409, "no-capacity");
        assertThat(reasons(problem)).containsExactly("default:labels", "eu-1:full", "eu-2:labels");
        assertThat(problem.path("detail").asText()).contains("eu-1 is full");
        assertThat(response.body()).doesNotContain("db.test", "admin");
        assertThat(api.fleet.cluster("eu-1").fill().databaseCount()).isEqualTo(2);
        assertThat(api.get("/v1/databases?q=three").json().path("items")).isEmpty();
    }

    @Test
    void aClusterThatIsNotUpIsPassedOver() {
        api.fleet.clusters.recordHealth(
                api.fleet.cluster("eu-1").id(),
                new dev.daap.domain.cluster.ClusterHealth(
                        dev.daap.domain.cluster.HealthStatus.DOWN, null, null, null, null, null, "gone", 3, List.of()));

        JsonNode problem = noCapacity("orders", "{\"labels\": {\"tier\": \"gold\"}}");

        assertThat(reasons(problem)).containsExactly("default:labels", "eu-1:down", "eu-2:labels");
    }

    @Test
    void aPlatformAdminMayNameTheClusterATeamMayNot() {
        TestResponse named = api.post("/v1/databases", """
                {"name": "orders", "owner_team": "payments", "purpose": "p", "cluster": "eu-2"}""");
        assertThat(named.status()).isEqualTo(201);
        assertThat(named.json().path("cluster").asText()).isEqualTo("eu-2");

        String member = api.issueKey("payments", Role.MEMBER);
        assertProblem(
                api.as(member)
                        .post("/v1/databases", "{\"name\": \"carts\", \"purpose\": \"p\", \"cluster\": \"eu-2\"}"),
                403,
                "forbidden");
        JsonNode unknown = assertProblem(api.post("/v1/databases", """
                        {"name": "carts", "owner_team": "payments", "purpose": "p", "cluster": "nowhere"}"""), 422, "invalid-input");
        assertThat(errorFields(unknown)).containsExactly("cluster");
        JsonNode both = assertProblem(api.post("/v1/databases", """
                        {"name": "carts", "owner_team": "payments", "purpose": "p", "cluster": "eu-2",
                         "placement": {"region": "eu-west-1"}}"""), 422, "invalid-input");
        assertThat(errorFields(both)).containsExactly("cluster");
    }

    @Test
    void aBadPlacementIsA422NamingItsField() {
        JsonNode problem = assertProblem(api.post("/v1/databases", """
                        {"name": "orders", "owner_team": "payments", "purpose": "p",
                         "placement": {"region": "EU WEST", "labels": {"BAD KEY": "x"}}}"""), 422, "invalid-input");

        assertThat(errorFields(problem)).containsExactly("placement.region", "placement.labels");
    }

    private void register(String name, String labels, int maxDatabases) {
        TestResponse response = api.post("/v1/clusters", """
                {"name": "%s", "admin_url": "postgres://admin:admin-secret@db.test:5432/postgres",
                 "region": "eu-west-1", "labels": %s, "max_databases": %d}""".formatted(name, labels, maxDatabases));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private JsonNode create(String name, String placement) {
        TestResponse response = api.post("/v1/databases", body(name, placement));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode noCapacity(String name, String placement) {
        return assertProblem(api.post("/v1/databases", body(name, placement)), 409, "no-capacity");
    }

    private static String body(String name, String placement) {
        return "{\"name\": \"" + name + "\", \"owner_team\": \"payments\", \"purpose\": \"p\""
                + (placement == null ? "" : ", \"placement\": " + placement) + "}";
    }

    private static List<String> reasons(JsonNode problem) {
        List<String> reasons = new java.util.ArrayList<>();
        problem.path("candidates")
                .forEach(candidate -> reasons.add(candidate.path("cluster").asText() + ":"
                        + candidate.path("reason").asText()));
        return reasons;
    }
}
