package dev.daap.adapters.http;

import static dev.daap.testing.DatabaseBuilder.aDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.testing.http.TestResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatchDatabaseApiTest extends ApiTest {
    private String path;

    @BeforeEach
    void createDatabase() {
        JsonNode created = api.create("orders", "payments", "Orders", """
                {"env": "dev", "tier": "gold"}""");
        path = "/v1/databases/" + created.path("id").asText();
    }

    @Test
    void aMergePatchSetsAndRemovesLabelsPerKey() {
        TestResponse response = api.patch(path, """
                {"purpose": "Orders of the web shop", "labels": {"env": "prod", "tier": null, "team": "core"}}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"2\"");
        JsonNode body = response.json();
        assertThat(body.path("purpose").asText()).isEqualTo("Orders of the web shop");
        assertThat(labels(body)).isEqualTo(Map.of("env", "prod", "team", "core"));
        assertThat(body.path("version").asLong()).isEqualTo(2);
        assertThat(body.path("owner_team").asText()).isEqualTo("payments");
        assertThat(api.get(path).json()).isEqualTo(body);
    }

    @Test
    void labelsNullRemovesEveryLabel() {
        TestResponse response = api.patch(path, """
                {"labels": null}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(labels(response.json())).isEmpty();
    }

    @Test
    void absentMembersAreLeftAsTheyAre() {
        TestResponse response = api.patch(path, """
                {"owner_team": "search"}""");

        JsonNode body = response.json();
        assertThat(body.path("owner_team").asText()).isEqualTo("search");
        assertThat(body.path("purpose").asText()).isEqualTo("Orders");
        assertThat(labels(body)).isEqualTo(Map.of("env", "dev", "tier", "gold"));
    }

    @Test
    void plainJsonIsAcceptedToo() {
        TestResponse response = api.send("PATCH", path, "application/json", """
                {"purpose": "still orders"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("purpose").asText()).isEqualTo("still orders");
    }

    @Test
    void theNameIsImmutable() {
        TestResponse response = api.patch(path, """
                {"name": "invoices"}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("name");
        assertThat(messageOf(problem, "name")).contains("immutable");
        assertThat(api.get(path).json().path("name").asText()).isEqualTo("orders");
    }

    @Test
    void readOnlyMembersAreInputErrors() {
        TestResponse response = api.patch(path, """
                {"status": "ready", "id": "x"}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("status", "id");
        assertThat(messageOf(problem, "status")).isEqualTo("is read-only");
    }

    @Test
    void unknownMembersAreMalformedAsInAPostBody() {
        TestResponse response = api.patch(path, """
                {"colour": "red"}""");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(errorFields(problem)).containsExactly("colour");
    }

    @Test
    void requiredMembersCannotBeRemoved() {
        TestResponse response = api.patch(path, """
                {"purpose": null, "owner_team": null}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("purpose", "owner_team");
    }

    @Test
    void invalidMergedLabelsAreAnInputError() {
        TestResponse response = api.patch(path, """
                {"labels": {"Not A Key": "x"}}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("labels");
    }

    @Test
    void membersOfTheWrongJsonTypeAreMalformed() {
        TestResponse response = api.patch(path, """
                {"purpose": 5, "labels": {"env": 1}}""");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("purpose", "labels.env");
    }

    @Test
    void aBodyThatIsNotAnObjectIsMalformed() {
        assertProblem(api.patch(path, "[]"), 400, "malformed-request");
        assertProblem(api.patch(path, "{\"purpose\": "), 400, "malformed-request");
    }

    @Test
    void patchingAnUnknownDatabaseIsA404() {
        TestResponse response = api.patch("/v1/databases/" + UUID.randomUUID(), "{\"purpose\": \"x\"}");

        assertProblem(response, 404, "database-not-found");
    }

    @Test
    void patchingADatabaseBeingDeletedIsA409() {
        var id = new DatabaseId(UUID.randomUUID());
        api.store.add(aDatabase()
                .withId(id)
                .named("leaving")
                .ownedBy("payments")
                .withStatus(DatabaseStatus.DELETING)
                .build());

        TestResponse response = api.patch("/v1/databases/" + id, "{\"purpose\": \"x\"}");

        assertProblem(response, 409, "illegal-transition");
    }

    @Test
    void anotherContentTypeIsA415() {
        TestResponse response = api.send("PATCH", path, "application/json-patch+json", "[]");

        assertProblem(response, 415, "unsupported-media-type");
    }

    private static Map<String, String> labels(JsonNode body) {
        var labels = new TreeMap<String, String>();
        body.path("labels")
                .properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
