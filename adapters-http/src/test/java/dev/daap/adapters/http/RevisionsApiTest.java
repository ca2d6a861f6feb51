package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The history of a database's settings over HTTP on fakes: what makes a revision, what one shows, who reads it. */
class RevisionsApiTest extends ApiTest {

    @Test
    void aNewDatabaseHasOneRevisionWithEverySettingAndWhoMadeIt() {
        String member = api.issueKey("payments", Role.MEMBER);
        JsonNode created = api.client().as(member).post("/v1/databases", """
                {"name": "orders", "purpose": "Orders", "labels": {"env": "prod"}}""").json();
        String path = "/v1/databases/" + created.path("id").asText();

        JsonNode page = api.get(path + "/revisions").json();

        assertThat(page.path("next_page_token").isNull()).isTrue();
        JsonNode first = page.path("items").get(0);
        assertThat(page.path("items")).hasSize(1);
        assertThat(first.path("version").asLong()).isEqualTo(1);
        assertThat(first.path("changed_at").asText())
                .isEqualTo(created.path("created_at").asText());
        assertThat(first.path("actor").path("type").asText()).isEqualTo("api_key");
        assertThat(first.path("actor").path("team").asText()).isEqualTo("payments");
        assertThat(first.path("actor").path("key_id").asText()).isNotBlank();
        assertThat(first.has("settings"))
                .as("list items leave the whole state out")
                .isFalse();
        assertThat(fields(first))
                .containsExactly(
                        "name", "owner_team", "purpose", "labels", "deletion_protection", "plan", "backup_policy");
        first.path("changes")
                .forEach(change -> assertThat(change.get("before").isNull()).isTrue());
        assertThat(first.path("changes").get(3).path("after").path("env").asText())
                .isEqualTo("prod");
    }

    @Test
    void aChangeIsARevisionOfWhatChangedOnlyAndTheWholeStateIsReadByVersion() {
        String path = api.createReady("orders");
        api.patch(path, "{\"purpose\": \"Orders and refunds\", \"labels\": {\"tier\": \"gold\"}}");
        long version = api.get(path).json().path("version").asLong();

        JsonNode newest = api.get(path + "/revisions").json().path("items").get(0);

        assertThat(newest.path("version").asLong()).isEqualTo(version);
        assertThat(fields(newest)).containsExactly("purpose", "labels");
        assertThat(newest.path("changes").get(0).path("before").asText()).isEqualTo("Ledger of orders");
        assertThat(newest.path("changes").get(0).path("after").asText()).isEqualTo("Orders and refunds");
        assertThat(newest.path("changes").get(1).path("before").isEmpty()).isTrue();
        TestResponse whole = api.get(path + "/revisions/" + version);
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        JsonNode settings = whole.json().path("settings");
        assertThat(settings.path("name").asText()).isEqualTo("orders");
        assertThat(settings.path("owner_team").asText()).isEqualTo("payments");
        assertThat(settings.path("purpose").asText()).isEqualTo("Orders and refunds");
        assertThat(settings.path("labels").path("tier").asText()).isEqualTo("gold");
        assertThat(settings.path("deletion_protection").asBoolean()).isFalse();
        assertThat(api.get(path + "/revisions/1")
                        .json()
                        .path("settings")
                        .path("purpose")
                        .asText())
                .as("the state at the first version")
                .isEqualTo("Ledger of orders");
    }

    @Test
    void whatChangesNoSettingIsNoRevisionAndNoSecretShows() {
        String path = api.createReady("orders");
        api.patch(path, "{\"purpose\": \"Ledger of orders\"}"); // the same value
        api.patch(path, "{\"labels\": {\"absent\": null}}");
        String password =
                api.post(path + "/credentials/rotate").json().path("password").asText();
        api.delete(path);
        api.runJobs();

        TestResponse list = api.get(path + "/revisions");

        assertThat(list.json().path("items")).hasSize(1);
        assertThat(api.get(path).json().path("version").asLong())
                .as("the workers' and the delete's versions are not revisions")
                .isGreaterThan(3);
        assertThat(password).hasSizeGreaterThan(8);
        assertThat(list.body() + api.get(path + "/revisions/1").body())
                .doesNotContain(password)
                .doesNotContainIgnoringCase("password");
        assertProblem(api.get(path + "/revisions/2"), 404, "revision-not-found");
    }

    @Test
    void pagesAreNewestFirstAndATokenBelongsToItsDatabase() {
        String path = api.createReady("orders");
        String other = api.createReady("carts");
        for (int i = 1; i <= 4; i++) {
            api.patch(path, "{\"purpose\": \"Purpose " + i + "\"}");
        }

        List<Long> versions = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = api.get(path + "/revisions?page_size=2" + (token == null ? "" : "&page_token=" + token))
                    .json();
            page.path("items").forEach(item -> versions.add(item.path("version").asLong()));
            token = page.path("next_page_token").isNull()
                    ? null
                    : page.path("next_page_token").asText();
            if (token != null) {
                assertProblem(api.get(other + "/revisions?page_token=" + token), 422, "invalid-input");
            }
        } while (token != null);

        assertThat(versions).hasSize(5).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertProblem(api.get(path + "/revisions?page_size=0"), 422, "invalid-input");
        assertProblem(api.get(path + "/revisions?sort=version"), 422, "invalid-input");
        assertProblem(api.get(path + "/revisions/zero"), 422, "invalid-input");
        assertProblem(api.get(path + "/revisions/0"), 422, "invalid-input");
    }

    @Test
    void whoMayReadTheDatabaseReadsItsRevisionsAndNobodyElse() {
        String path = api.createReady("orders");
        TestClient viewer = api.client().as(api.issueKey("payments", Role.VIEWER));
        TestClient otherTeam = api.client().as(api.issueKey("search", Role.ADMIN));

        assertThat(viewer.get(path + "/revisions").status()).isEqualTo(200);
        assertThat(viewer.get(path + "/revisions/1").status()).isEqualTo(200);
        assertProblem(otherTeam.get(path + "/revisions"), 404, "database-not-found");
        assertProblem(otherTeam.get(path + "/revisions/1"), 404, "database-not-found");
    }

    @Test
    void deletedAndPurgedDatabasesKeepTheirHistoryAndARestoreUnderAnotherNameIsARevision() {
        String path = api.createReady("orders");
        api.patch(path, "{\"deletion_protection\": true}");
        api.patch(path, "{\"deletion_protection\": false}");
        api.delete(path);
        api.runJobs();
        api.create("orders");

        assertThat(api.get(path + "/revisions").json().path("items")).hasSize(3);
        api.post(path + "/restore", "{\"name\": \"orders-old\"}");
        api.runJobs();
        JsonNode renamed = api.get(path + "/revisions").json().path("items").get(0);
        assertThat(fields(renamed)).containsExactly("name");
        assertThat(renamed.path("changes").get(0).path("after").asText()).isEqualTo("orders-old");

        api.client().as(api.issueKey("payments", Role.ADMIN)).delete(path + "?purge=true");
        api.runJobs();
        assertThat(api.get(path).json().path("status").asText()).isEqualTo("purged");
        assertThat(api.get(path + "/revisions").json().path("items")).hasSize(4);
    }

    @Test
    void aMoveToAnotherTeamIsARevisionThatTheNewTeamReads() {
        String path = api.createReady("orders");

        api.patch(path, "{\"owner_team\": \"search\"}");

        TestClient search = api.client().as(api.issueKey("search", Role.VIEWER));
        JsonNode newest = search.get(path + "/revisions").json().path("items").get(0);
        assertThat(fields(newest)).containsExactly("owner_team");
        assertThat(newest.path("actor").path("team").isNull())
                .as("a platform admin's key has no team")
                .isTrue();
    }

    private static List<String> fields(JsonNode revision) {
        List<String> fields = new ArrayList<>();
        revision.path("changes")
                .forEach(change -> fields.add(change.path("field").asText()));
        return fields;
    }
}
