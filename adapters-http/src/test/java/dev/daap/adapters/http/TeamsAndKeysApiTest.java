package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TeamsAndKeysApiTest extends ApiTest {

    @Test
    void aPlatformAdminCreatesATeamAndReadsItBack() {
        TestResponse created =
                api.post("/v1/teams", "{\"slug\": \"data-eng\", \"display_name\": \"Data engineering\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/v1/teams/data-eng");
        assertThat(created.json().path("display_name").asText()).isEqualTo("Data engineering");
        assertThat(api.get("/v1/teams/data-eng").json().path("slug").asText()).isEqualTo("data-eng");
    }

    @Test
    void aTakenSlugIs409AndBadFieldsAreAllReported() {
        assertProblem(
                api.post("/v1/teams", "{\"slug\": \"payments\", \"display_name\": \"Again\"}"), 409, "team-taken");

        JsonNode problem = assertProblem(
                api.post("/v1/teams", "{\"slug\": \"No\", \"display_name\": \" \"}"), 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("slug", "display_name");
        assertProblem(api.get("/v1/teams/nobody-here"), 404, "team-not-found");
    }

    @Test
    void teamsArePagedBySlug() {
        JsonNode first = api.get("/v1/teams?page_size=2").json();
        assertThat(first.path("items").findValuesAsText("slug")).containsExactly("checkout", "payments");

        JsonNode second = api.get("/v1/teams?page_size=2&page_token="
                        + first.path("next_page_token").asText())
                .json();

        assertThat(second.path("items").findValuesAsText("slug")).containsExactly("search");
        assertThat(second.path("next_page_token").isNull()).isTrue();
        assertProblem(api.get("/v1/teams?page_size=0&colour=red"), 422, "invalid-input");
    }

    @Test
    void aCreatedKeyIsShownOnceAndListedWithoutItsSecret() {
        TestResponse created = api.post(
                "/v1/teams/payments/api-keys",
                "{\"role\": \"viewer\", \"description\": \"CI\", \"expires_at\": \"2030-01-01T00:00:00Z\"}");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        JsonNode key = created.json();
        String token = key.path("token").asText();
        assertThat(token).startsWith("daap_" + key.path("prefix").asText() + "_");
        assertThat(key.path("role").asText()).isEqualTo("viewer");
        assertThat(key.path("expires_at").asText()).isEqualTo("2030-01-01T00:00:00Z");

        api.as(token).get("/v1/me");
        TestResponse listed = api.get("/v1/teams/payments/api-keys");
        JsonNode entry = listed.json().path("items").get(0);
        assertThat(entry.path("id").asText()).isEqualTo(key.path("id").asText());
        assertThat(entry.path("description").asText()).isEqualTo("CI");
        assertThat(entry.has("token")).isFalse();
        assertThat(listed.body())
                .doesNotContain(
                        // the secret itself, which may hold underscores of its own
                        token.substring(("daap_" + key.path("prefix").asText() + "_").length()),
                        ApiToken.parse(token).hash());
    }

    @Test
    void aKeysUseIsRecordedAndItsCallerIsWhoItSays() {
        String member = api.issueKey("payments", Role.MEMBER);

        JsonNode me = api.as(member).get("/v1/me").json();

        assertThat(me.path("team").asText()).isEqualTo("payments");
        assertThat(me.path("role").asText()).isEqualTo("member");
        assertThat(api.keys
                        .find(java.util.UUID.fromString(me.path("key_id").asText()))
                        .orElseThrow()
                        .lastUsedAt())
                .isNotNull();
        JsonNode admin = api.get("/v1/me").json();
        assertThat(admin.path("role").asText()).isEqualTo("platform_admin");
        assertThat(admin.path("team").isNull()).isTrue();
    }

    @Test
    void keyRequestsAreChecked() {
        JsonNode problem = assertProblem(
                api.post(
                        "/v1/teams/payments/api-keys", "{\"role\": \"platform_admin\", \"expires_at\": \"yesterday\"}"),
                422,
                "invalid-input");
        assertThat(errorFields(problem)).containsExactly("role", "expires_at");

        assertProblem(
                api.post(
                        "/v1/teams/payments/api-keys",
                        "{\"role\": \"viewer\", \"expires_at\": \""
                                + api.clock.instant().minus(Duration.ofDays(1)) + "\"}"),
                422,
                "invalid-input");
        assertProblem(api.post("/v1/teams/payments/api-keys", "{}"), 422, "invalid-input");
        assertProblem(api.post("/v1/teams/nobody-here/api-keys", "{\"role\": \"viewer\"}"), 404, "team-not-found");
        assertProblem(
                api.post("/v1/teams/payments/api-keys", "{\"role\": \"viewer\"}", "Idempotency-Key", "k1"),
                400,
                "malformed-request");
    }

    @Test
    void anExpiredKeyStopsWorkingAtItsExpiry() {
        String token = api.issueKey("payments", Role.VIEWER, api.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(api.as(token).get("/v1/me").status()).isEqualTo(200);

        api.clock.advance(Duration.ofMinutes(6));

        assertThat(assertProblem(api.as(token).get("/v1/me"), 401, "unauthenticated")
                        .path("detail")
                        .asText())
                .contains("expired");
    }

    @Test
    void aBearerHeaderOfAnotherSchemeIsRefused() {
        TestResponse response = api.as(null).get("/v1/me", "Authorization", "Basic dXNlcjpwYXNz");

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void platformAdminsManageTheirOwnKeysButNeverRevokeTheLastOne() {
        TestResponse created = api.post("/v1/api-keys", "{\"description\": \"ops rotation\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("role").asText()).isEqualTo("platform_admin");
        assertThat(created.json().path("team").isNull()).isTrue();
        String newToken = created.json().path("token").asText();
        String original = api.keys
                .findByPrefix(ApiToken.parse(TestApi.ADMIN_TOKEN).prefix())
                .orElseThrow()
                .id()
                .toString();

        assertThat(api.as(newToken).get("/v1/api-keys").json().path("items").findValuesAsText("role"))
                .containsOnly("platform_admin")
                .hasSize(2);
        assertThat(api.as(newToken).delete("/v1/api-keys/" + original).status()).isEqualTo(200);
        assertProblem(api.as(TestApi.ADMIN_TOKEN).get("/v1/me"), 401, "unauthenticated");

        assertProblem(
                api.as(newToken)
                        .delete("/v1/api-keys/" + created.json().path("id").asText()),
                409,
                "illegal-transition");
        assertThat(api.as(newToken).get("/v1/me").status()).isEqualTo(200);
        assertProblem(api.as(newToken).post("/v1/api-keys", "{\"role\": \"admin\"}"), 422, "invalid-input");
        String teamKeyId = api.as(newToken)
                .post("/v1/teams/payments/api-keys", "{\"role\": \"admin\"}")
                .json()
                .path("id")
                .asText();
        assertProblem(api.as(newToken).delete("/v1/api-keys/" + teamKeyId), 404, "api-key-not-found");
    }
}
