package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every /v1 endpoint against every way a caller can be refused: no token, a malformed, unknown, expired or revoked
 * one (401); a role too small (403); another team's resource (404, and nothing of it in the answer).
 */
class AccessControlApiTest extends ApiTest {
    /** What each endpoint needs; {@code path} has {db}, {op}, {team} and {key} filled in per test. */
    enum Endpoint {
        LIST_DATABASES("GET", "/v1/databases", null, Role.VIEWER),
        CREATE_DATABASE("POST", "/v1/databases", "{\"name\": \"fresh-one\", \"purpose\": \"p\"}", Role.MEMBER),
        GET_DATABASE("GET", "/v1/databases/{db}", null, Role.VIEWER),
        PATCH_DATABASE("PATCH", "/v1/databases/{db}", "{\"purpose\": \"changed\"}", Role.MEMBER),
        DELETE_DATABASE("DELETE", "/v1/databases/{db}", null, Role.MEMBER),
        RETRY_DATABASE("POST", "/v1/databases/{db}/retry", null, Role.MEMBER),
        DATABASE_OPERATIONS("GET", "/v1/databases/{db}/operations", null, Role.VIEWER),
        READ_CREDENTIALS("GET", "/v1/databases/{db}/credentials", null, Role.MEMBER),
        ROTATE_CREDENTIALS("POST", "/v1/databases/{db}/credentials/rotate", null, Role.MEMBER),
        REVOKE_PREVIOUS_CREDENTIALS("POST", "/v1/databases/{db}/credentials/revoke-previous", null, Role.MEMBER),
        LIST_USERS("GET", "/v1/databases/{db}/users", null, Role.VIEWER),
        CREATE_USER(
                "POST",
                "/v1/databases/{db}/users",
                "{\"name\": \"reporting\", \"access\": \"read_only\"}",
                Role.MEMBER),
        GET_USER("GET", "/v1/databases/{db}/users/owner", null, Role.VIEWER),
        DELETE_USER("DELETE", "/v1/databases/{db}/users/nobody", null, Role.MEMBER),
        READ_USER_CREDENTIALS("GET", "/v1/databases/{db}/users/owner/credentials", null, Role.MEMBER),
        ROTATE_USER_CREDENTIALS("POST", "/v1/databases/{db}/users/owner/credentials/rotate", null, Role.MEMBER),
        REVOKE_PREVIOUS_USER("POST", "/v1/databases/{db}/users/owner/credentials/revoke-previous", null, Role.MEMBER),
        DATABASE_USAGE("GET", "/v1/databases/{db}/usage", null, Role.VIEWER),
        GET_OPERATION("GET", "/v1/operations/{op}", null, Role.VIEWER),
        CREATE_TEAM("POST", "/v1/teams", "{\"slug\": \"new-team\", \"display_name\": \"New\"}", Role.PLATFORM_ADMIN),
        LIST_TEAMS("GET", "/v1/teams", null, Role.VIEWER),
        GET_TEAM("GET", "/v1/teams/{team}", null, Role.VIEWER),
        TEAM_USAGE("GET", "/v1/teams/{team}/usage?granularity=hour", null, Role.VIEWER),
        TEAM_COSTS("GET", "/v1/teams/{team}/costs", null, Role.VIEWER),
        PLATFORM_COSTS("GET", "/v1/costs", null, Role.PLATFORM_ADMIN),
        CREATE_KEY("POST", "/v1/teams/{team}/api-keys", "{\"role\": \"viewer\"}", Role.ADMIN),
        LIST_KEYS("GET", "/v1/teams/{team}/api-keys", null, Role.ADMIN),
        REVOKE_KEY("DELETE", "/v1/teams/{team}/api-keys/{key}", null, Role.ADMIN),
        AUDIT_EVENTS("GET", "/v1/audit-events", null, Role.ADMIN),
        CREATE_PLATFORM_KEY("POST", "/v1/api-keys", "{}", Role.PLATFORM_ADMIN),
        LIST_PLATFORM_KEYS("GET", "/v1/api-keys", null, Role.PLATFORM_ADMIN),
        REVOKE_PLATFORM_KEY("DELETE", "/v1/api-keys/{key}", null, Role.PLATFORM_ADMIN),
        EVENTS_PAGE("GET", "/v1/events?format=json", null, Role.VIEWER),
        ME("GET", "/v1/me", null, Role.VIEWER),
        VERSION("GET", "/v1/version", null, Role.VIEWER);

        final String method;
        final String path;
        final String body;
        final Role minimum;

        Endpoint(String method, String path, String body, Role minimum) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.minimum = minimum;
        }

        /** Whether it names one resource of a team, so another team's key must get a 404. */
        boolean namesATeamResource() {
            return path.contains("{") && !path.startsWith("/v1/api-keys");
        }
    }

    private String databaseId;
    private String operationId;
    private String paymentsViewerKeyId;

    @BeforeEach
    void aReadyPaymentsDatabase() {
        String path = api.createReady("ledger");
        databaseId = path.substring(path.lastIndexOf('/') + 1);
        operationId = api.get(path).json().path("latest_operation_id").asText();
        paymentsViewerKeyId = keyIdOf(api.issueKey("payments", Role.VIEWER)).toString();
    }

    /** The body without {@code instance}, which echoes the path the client sent (ids included). */
    private static String withoutInstance(TestResponse response) {
        var body = (com.fasterxml.jackson.databind.node.ObjectNode) response.json();
        body.remove("instance");
        return body.toString();
    }

    private UUID keyIdOf(String token) {
        return api.keys
                .findByPrefix(ApiToken.parse(token).prefix())
                .orElseThrow()
                .id();
    }

    private TestResponse call(Endpoint endpoint, String token) {
        String path = endpoint.path
                .replace("{db}", databaseId)
                .replace("{op}", operationId)
                .replace("{team}", "payments")
                .replace("{key}", paymentsViewerKeyId);
        String contentType = endpoint.body == null
                ? null
                : endpoint.method.equals("PATCH") ? TestClient.MERGE_PATCH : TestClient.JSON;
        return api.as(token).send(endpoint.method, path, contentType, endpoint.body);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void withoutATokenTheAnswerIs401WithAChallenge(Endpoint endpoint) {
        TestResponse response = call(endpoint, null);

        assertProblem(response, 401, "unauthenticated");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"daap\"");
        assertThat(withoutInstance(response)).doesNotContain("ledger", databaseId);
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void malformedUnknownExpiredAndRevokedTokensAre401(Endpoint endpoint) {
        String expired =
                api.issueKey("payments", Role.ADMIN, api.clock.instant().plusSeconds(60));
        String revoked = api.issueKey("payments", Role.ADMIN);
        api.keys.revoke(keyIdOf(revoked), api.clock.instant());
        api.clock.advance(Duration.ofMinutes(2));
        String unknown = "daap_nosuchkey_" + "A".repeat(43);

        for (String token : new String[] {"not-a-daap-token", unknown, expired, revoked}) {
            TestResponse response = call(endpoint, token);
            assertProblem(response, 401, "unauthenticated");
            assertThat(response.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
            assertThat(withoutInstance(response)).doesNotContain("ledger", databaseId, token);
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Endpoint.class,
            names = {
                "CREATE_TEAM",
                "CREATE_KEY",
                "LIST_KEYS",
                "REVOKE_KEY",
                "AUDIT_EVENTS",
                "CREATE_PLATFORM_KEY",
                "LIST_PLATFORM_KEYS",
                "REVOKE_PLATFORM_KEY",
                "CREATE_DATABASE",
                "PATCH_DATABASE",
                "DELETE_DATABASE",
                "RETRY_DATABASE",
                "READ_CREDENTIALS",
                "ROTATE_CREDENTIALS"
            })
    void aRoleBelowTheEndpointsMinimumIs403(Endpoint endpoint) {
        Role below = Role.values()[endpoint.minimum.ordinal() - 1];
        String token = api.issueKey("payments", below == Role.PLATFORM_ADMIN ? Role.ADMIN : below);

        assertProblem(call(endpoint, token), 403, "forbidden");
    }

    @ParameterizedTest
    @EnumSource(Endpoint.class)
    void anotherTeamsResourceIsNotFoundEvenForItsAdmin(Endpoint endpoint) {
        if (!endpoint.namesATeamResource()) {
            return; // lists: see listsShowOnlyTheCallersTeam
        }
        TestResponse response = call(endpoint, api.issueKey("search", Role.ADMIN));

        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(withoutInstance(response)).doesNotContain("ledger", "Ledger", paymentsViewerKeyId);
        assertThat(api.get("/v1/databases/" + databaseId).json().path("purpose").asText())
                .isEqualTo("Ledger of ledger");
    }

    @Test
    void listsShowOnlyTheCallersTeam() {
        api.create("search-index", "search", "Index", null);
        String searchViewer = api.issueKey("search", Role.VIEWER);

        assertThat(api.as(searchViewer)
                        .get("/v1/databases")
                        .json()
                        .path("items")
                        .findValuesAsText("name"))
                .containsExactly("search-index");
        assertThat(api.as(searchViewer)
                        .get("/v1/databases?owner_team=payments")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(api.as(searchViewer).get("/v1/teams").json().path("items").findValuesAsText("slug"))
                .containsExactly("search");
        assertThat(api.get("/v1/databases").json().path("items").findValuesAsText("name"))
                .containsExactlyInAnyOrder("ledger", "search-index");
    }

    @Test
    void aTeamAdminReadsOnlyItsTeamsAuditEntries() {
        api.create("search-index", "search", "Index", null);
        String searchAdmin = api.issueKey("search", Role.ADMIN);

        var items = api.as(searchAdmin).get("/v1/audit-events").json().path("items");
        assertThat(items)
                .isNotEmpty()
                .allSatisfy(item -> assertThat(item.path("team").asText()).isEqualTo("search"));
        assertThat(items.toString()).doesNotContain("ledger", "payments");
        assertThat(api.as(searchAdmin)
                        .get("/v1/audit-events?team=payments")
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aKeyCreatedOverTheApiWorksAndStopsWorkingTheMomentItIsRevoked() {
        TestResponse created = api.post("/v1/teams/payments/api-keys", "{\"role\": \"member\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().path("token").asText();
        String id = created.json().path("id").asText();
        assertThat(api.as(token).get("/v1/databases/" + databaseId).status()).isEqualTo(200);

        assertThat(api.delete("/v1/teams/payments/api-keys/" + id)
                        .json()
                        .path("revoked_at")
                        .isTextual())
                .isTrue();

        assertProblem(api.as(token).get("/v1/databases/" + databaseId), 401, "unauthenticated");
    }

    @Test
    void aTeamKeyCannotCreateADatabaseForAnotherTeam() {
        String member = api.issueKey("payments", Role.MEMBER);

        var problem = assertProblem(
                api.as(member)
                        .post(
                                "/v1/databases",
                                "{\"name\": \"sneaky\", \"owner_team\": \"search\", \"purpose\": \"p\"}"),
                422,
                "invalid-input");
        assertThat(messageOf(problem, "owner_team")).contains("payments").doesNotContain("search");
        assertThat(api.as(member)
                        .post("/v1/databases", "{\"name\": \"mine\", \"purpose\": \"p\"}")
                        .json()
                        .path("owner_team")
                        .asText())
                .isEqualTo("payments");
    }

    @Test
    void healthStaysOpen() {
        assertThat(api.as(null).get("/health/live").status()).isEqualTo(200);
        assertThat(api.as(null).get("/health/ready").status()).isEqualTo(200);
    }

    @Test
    void aKeyIdThatIsNotAUuidIsAnInputProblem() {
        assertProblem(api.delete("/v1/teams/payments/api-keys/nope"), 422, "invalid-input");
        assertProblem(api.delete("/v1/teams/payments/api-keys/" + UUID.randomUUID()), 404, "api-key-not-found");
    }
}
