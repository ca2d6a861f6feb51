package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.common.Labels;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Purpose;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
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
        ApiResponse response = api.patch(path, """
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
        ApiResponse response = api.patch(path, """
                {"labels": null}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(labels(response.json())).isEmpty();
    }

    @Test
    void absentMembersAreLeftAsTheyAre() {
        ApiResponse response = api.patch(path, """
                {"owner_team": "search"}""");

        JsonNode body = response.json();
        assertThat(body.path("owner_team").asText()).isEqualTo("search");
        assertThat(body.path("purpose").asText()).isEqualTo("Orders");
        assertThat(labels(body)).isEqualTo(Map.of("env", "dev", "tier", "gold"));
    }

    @Test
    void plainJsonIsAcceptedToo() {
        ApiResponse response = api.send("PATCH", path, "application/json", """
                {"purpose": "still orders"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("purpose").asText()).isEqualTo("still orders");
    }

    @Test
    void theNameIsImmutable() {
        ApiResponse response = api.patch(path, """
                {"name": "invoices"}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("name");
        assertThat(messageOf(problem, "name")).contains("immutable");
        assertThat(api.get(path).json().path("name").asText()).isEqualTo("orders");
    }

    @Test
    void readOnlyMembersAreInputErrors() {
        ApiResponse response = api.patch(path, """
                {"status": "ready", "id": "x"}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("status", "id");
        assertThat(messageOf(problem, "status")).isEqualTo("is read-only");
    }

    @Test
    void unknownMembersAreMalformedAsInAPostBody() {
        ApiResponse response = api.patch(path, """
                {"colour": "red"}""");

        JsonNode problem = assertProblem(response, 400, "malformed-request");
        assertThat(errorFields(problem)).containsExactly("colour");
    }

    @Test
    void requiredMembersCannotBeRemoved() {
        ApiResponse response = api.patch(path, """
                {"purpose": null, "owner_team": null}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("purpose", "owner_team");
    }

    @Test
    void invalidMergedLabelsAreAnInputError() {
        ApiResponse response = api.patch(path, """
                {"labels": {"Not A Key": "x"}}""");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("labels");
    }

    @Test
    void membersOfTheWrongJsonTypeAreMalformed() {
        ApiResponse response = api.patch(path, """
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
        ApiResponse response = api.patch("/v1/databases/" + UUID.randomUUID(), "{\"purpose\": \"x\"}");

        assertProblem(response, 404, "database-not-found");
    }

    @Test
    void patchingADatabaseBeingDeletedIsA409() {
        var id = new DatabaseId(UUID.randomUUID());
        Instant at = Instant.parse("2026-11-25T14:00:00Z");
        api.store.add(new Database(
                id,
                new DatabaseName("leaving"),
                new TeamSlug("payments"),
                new Purpose("p"),
                DatabaseStatus.DELETING,
                null,
                Labels.NONE,
                at,
                at,
                null,
                1));

        ApiResponse response = api.patch("/v1/databases/" + id, "{\"purpose\": \"x\"}");

        assertProblem(response, 409, "illegal-transition");
    }

    @Test
    void anotherContentTypeIsA415() {
        ApiResponse response = api.send("PATCH", path, "application/json-patch+json", "[]");

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
