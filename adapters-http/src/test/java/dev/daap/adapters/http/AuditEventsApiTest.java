package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.testing.http.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every change through the API leaves an audit entry naming its actor, request and before/after, and no secret. */
class AuditEventsApiTest extends ApiTest {

    @Test
    void everyMutatingEndpointIsAuditedWithItsActor() {
        String member = api.issueKey("payments", Role.MEMBER);
        String memberKeyId = keyIdOf(member);

        TestResponse created = api.as(member).post("/v1/databases", "{\"name\": \"ledger\", \"purpose\": \"Ledger\"}");
        String id = created.json().path("id").asText();
        String path = "/v1/databases/" + id;
        api.runJobs();
        TestResponse patched = api.as(member).patch(path, "{\"purpose\": \"General ledger\"}");
        TestResponse read = api.as(member).get(path + "/credentials");
        TestResponse rotated = api.as(member).post(path + "/credentials/rotate", null);
        TestResponse deleted = api.as(member).delete(path);
        api.provisioner.failWith(new ProvisioningException("target down"));
        api.runJobs();
        api.provisioner.recover();
        TestResponse retried = api.as(member).post(path + "/retry", null);

        JsonNode entries = api.get("/v1/audit-events?resource_id=" + id).json().path("items");
        assertThat(entries.findValuesAsText("action"))
                .containsExactly(
                        "database.retry",
                        "database.delete",
                        "credentials.rotate",
                        "credentials.read",
                        "database.update",
                        "database.create");
        List<String> requestIds = new ArrayList<>();
        entries.forEach(entry -> {
            assertThat(entry.path("actor").path("type").asText()).isEqualTo("api_key");
            assertThat(entry.path("actor").path("key_id").asText()).isEqualTo(memberKeyId);
            assertThat(entry.path("actor").path("team").asText()).isEqualTo("payments");
            assertThat(entry.path("team").asText()).isEqualTo("payments");
            assertThat(entry.path("resource_type").asText()).isEqualTo("database");
            assertThat(entry.path("client_address").asText()).isNotBlank();
            requestIds.add(entry.path("request_id").asText());
        });
        assertThat(requestIds)
                .containsExactly(
                        retried.header("X-Request-Id"),
                        deleted.header("X-Request-Id"),
                        rotated.header("X-Request-Id"),
                        read.header("X-Request-Id"),
                        patched.header("X-Request-Id"),
                        created.header("X-Request-Id"));
        JsonNode update = entries.get(4);
        assertThat(update.path("before").path("purpose").asText()).isEqualTo("Ledger");
        assertThat(update.path("after").path("purpose").asText()).isEqualTo("General ledger");
        String log = entries.toString();
        assertThat(log)
                .doesNotContain(
                        read.json().path("password").asText(),
                        rotated.json().path("password").asText());
    }

    @Test
    void teamsAndKeysAreAuditedWithoutTheToken() {
        api.post("/v1/teams", "{\"slug\": \"data-eng\", \"display_name\": \"Data\"}");
        JsonNode key =
                api.post("/v1/teams/data-eng/api-keys", "{\"role\": \"admin\"}").json();
        api.delete("/v1/teams/data-eng/api-keys/" + key.path("id").asText());

        JsonNode entries = api.get("/v1/audit-events").json().path("items");

        assertThat(entries.findValuesAsText("action"))
                .containsExactly("api_key.revoke", "api_key.create", "team.create");
        assertThat(entries.get(0).path("before").path("revoked_at").isNull()).isTrue();
        assertThat(entries.get(0).path("after").path("revoked_at").isTextual()).isTrue();
        String token = key.path("token").asText();
        assertThat(entries.toString())
                .doesNotContain(
                        token.substring(token.indexOf('_', "daap_".length()) + 1), // the secret, '_' and all
                        ApiToken.parse(token).hash());
        assertThat(entries.get(2).path("actor").path("team").isNull()).isTrue();
    }

    @Test
    void entriesFilterAndPage() {
        String member = api.issueKey("payments", Role.MEMBER);
        for (String name : List.of("one-db", "two-db", "three-db")) {
            api.as(member).post("/v1/databases", "{\"name\": \"" + name + "\", \"purpose\": \"p\"}");
        }
        api.create("other-db", "search", "Other", null);

        JsonNode first = api.get("/v1/audit-events?action=database.create&actor=" + keyIdOf(member) + "&page_size=2")
                .json();
        JsonNode second = api.get(
                        "/v1/audit-events?action=database.create&actor=" + keyIdOf(member) + "&page_size=2&page_token="
                                + first.path("next_page_token").asText())
                .json();

        List<String> names = new ArrayList<>(first.path("items").findValuesAsText("resource_id"));
        names.addAll(second.path("items").findValuesAsText("resource_id"));
        assertThat(names).hasSize(3).doesNotHaveDuplicates();
        assertThat(second.path("next_page_token").isNull()).isTrue();
        assertThat(api.get("/v1/audit-events?team=search").json().path("items").findValuesAsText("action"))
                .containsExactly("database.create");
        assertThat(api.get("/v1/audit-events?to=2000-01-01T00:00:00Z").json().path("items"))
                .isEmpty();
        assertThat(errorFields(assertProblem(
                        api.get("/v1/audit-events?from=monday&actor=me&page_token=x"), 422, "invalid-input")))
                .containsExactlyInAnyOrder("from", "actor", "page_token");
    }

    @Test
    void membersAndViewersCannotReadTheAuditLog() {
        assertProblem(api.as(api.issueKey("payments", Role.MEMBER)).get("/v1/audit-events"), 403, "forbidden");
        assertProblem(api.as(api.issueKey("payments", Role.VIEWER)).get("/v1/audit-events"), 403, "forbidden");
    }

    private String keyIdOf(String token) {
        return api.keys
                .findByPrefix(ApiToken.parse(token).prefix())
                .orElseThrow()
                .id()
                .toString();
    }
}
