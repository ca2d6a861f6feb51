package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListDatabasesApiTest extends ApiTest {

    @Test
    void anEmptyListHasNoItemsAndANullToken() {
        TestResponse response = api.get("/v1/databases");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().path("items").isArray()).isTrue();
        assertThat(response.json().path("items").isEmpty()).isTrue();
        assertThat(response.json().has("next_page_token")).isTrue();
        assertThat(response.json().path("next_page_token").isNull()).isTrue();
    }

    @Test
    void theListFiltersByOwnerTeamStatusAndText() {
        api.create("orders", "payments", "Orders of the shop", null);
        api.create("ledger", "payments", "Accounting", null);
        api.create("search-index", "search", "Full text ORDERS search", null);

        assertThat(names(api.get("/v1/databases?owner_team=payments&sort=name")))
                .containsExactly("ledger", "orders");
        assertThat(names(api.get("/v1/databases?q=orders&sort=name"))).containsExactly("orders", "search-index");
        assertThat(names(api.get("/v1/databases?status=pending&owner_team=search")))
                .containsExactly("search-index");
        assertThat(names(api.get("/v1/databases?status=ready"))).isEmpty();
    }

    @Test
    void searchRanksPurposeAndLabelMatchesAndLabelSelectorsMustAllMatch() {
        api.create("ledger", "payments", "Refund ledger", "{\"env\": \"prod\", \"tier\": \"gold\"}");
        api.create("refunds", "payments", "Refund requests and refund approvals", "{\"env\": \"dev\"}");
        api.create("payouts", "payments", "Payouts", "{\"env\": \"prod\", \"desk\": \"refund\"}");
        api.create("archive", "payments", "Old orders", null);

        assertThat(names(api.get("/v1/databases?search=refund"))).containsExactly("refunds", "ledger", "payouts");
        assertThat(names(api.get("/v1/databases?search=refund&sort=name")))
                .containsExactly("ledger", "payouts", "refunds");
        assertThat(names(api.get("/v1/databases?search=" + encode("refund -ledger") + "&label=env:prod")))
                .containsExactly("payouts");
        assertThat(names(api.get("/v1/databases?label=env:prod&label=tier&sort=name")))
                .containsExactly("ledger");
        assertThat(names(api.get("/v1/databases?label=tier:silver"))).isEmpty();
        assertThat(names(api.get("/v1/databases?name=refunds"))).containsExactly("refunds");
        assertThat(names(api.get("/v1/databases?name=refund"))).isEmpty();
    }

    @Test
    void aNameIsLookedUpWithinTheCallersTeam() {
        api.create("orders", "payments", "Orders", null);
        String searchTeam = api.issueKey("search", dev.daap.domain.access.Role.VIEWER);

        assertThat(names(api.as(searchTeam).get("/v1/databases?name=orders"))).isEmpty();
        assertThat(names(api.get("/v1/databases?name=orders"))).containsExactly("orders");
    }

    @Test
    void theListFiltersByClusterAndATokenBelongsToTheCluster() {
        api.create("alpha", "payments", "Refund one", null);
        api.create("bravo", "payments", "Refund two", null);

        assertThat(names(api.get("/v1/databases?cluster=default"))).containsExactlyInAnyOrder("alpha", "bravo");
        assertThat(names(api.get("/v1/databases?cluster=elsewhere"))).isEmpty();
        String token = api.get("/v1/databases?cluster=default&page_size=1")
                .json()
                .path("next_page_token")
                .asText();
        assertThat(messageOf(
                        assertProblem(
                                api.get("/v1/databases?page_size=1&page_token=" + encode(token)), 422, "invalid-input"),
                        "page_token"))
                .contains("other filters");
        assertThat(errorFields(assertProblem(api.get("/v1/databases?cluster=Not%20A%20Name"), 422, "invalid-input")))
                .containsExactly("cluster");
    }

    @Test
    void aPageTokenBelongsToItsFilters() {
        api.create("alpha", "payments", "Refund one", "{\"env\": \"prod\"}");
        api.create("bravo", "payments", "Refund two", "{\"env\": \"prod\"}");
        String token = api.get("/v1/databases?page_size=1&label=env:prod")
                .json()
                .path("next_page_token")
                .asText();

        assertThat(names(api.get("/v1/databases?page_size=1&label=env:prod&page_token=" + encode(token))))
                .hasSize(1);
        for (String other : List.of(
                "label=env:dev",
                "label=env:prod&q=one",
                "",
                "label=env:prod&search=refund",
                "label=env:prod&include_deleted=true",
                "label=env:prod&status=deleted")) {
            TestResponse response = api.get("/v1/databases?page_size=1&sort=created_at"
                    + (other.isEmpty() ? "" : "&" + other) + "&page_token=" + encode(token));
            JsonNode problem = assertProblem(response, 422, "invalid-input");
            assertThat(messageOf(problem, "page_token")).as(other).contains("other filters");
        }
    }

    @Test
    void searchLabelsAndExportsReachDeletedDatabasesOnlyWhenAsked() {
        String gone = "/v1/databases/"
                + api.create("old-ledger", "payments", "Refund ledger", "{\"env\": \"prod\"}")
                        .path("id")
                        .asText();
        api.create("refunds", "payments", "Refund requests", "{\"env\": \"prod\"}");
        api.runJobs();
        assertThat(api.delete(gone).status()).isEqualTo(202);
        api.runJobs();

        assertThat(names(api.get("/v1/databases?search=refund&sort=name"))).containsExactly("refunds");
        assertThat(names(api.get("/v1/databases?search=refund&include_deleted=true&sort=name")))
                .containsExactly("old-ledger", "refunds");
        assertThat(names(api.get("/v1/databases?label=env:prod&status=deleted")))
                .containsExactly("old-ledger");
        assertThat(names(api.get("/v1/databases?name=old-ledger&include_deleted=true")))
                .containsExactly("old-ledger");
        TestResponse export = api.get(
                "/v1/databases?label=env:prod&include_deleted=true&sort=name", "Accept", "application/x-ndjson");
        List<String> rows = export.body().lines().toList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).contains("\"name\":\"old-ledger\"", "\"status\":\"deleted\"");
        assertThat(rows.get(1)).contains("\"name\":\"refunds\"");
    }

    @Test
    void badSelectorsAndARelevanceWithoutASearchAreInputProblems() {
        JsonNode problem = assertProblem(
                api.get("/v1/databases?label=Env:prod&label=" + encode("x:" + "v".repeat(300)) + "&sort=relevance"),
                422,
                "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("label", "label", "sort");
        assertThat(errorFields(assertProblem(api.get("/v1/databases?search=%20"), 422, "invalid-input")))
                .containsExactly("search");
        assertThat(errorFields(assertProblem(api.get("/v1/databases?name=NO"), 422, "invalid-input")))
                .containsExactly("name");
    }

    @Test
    void theListSortsAsAsked() {
        api.create("bravo");
        api.create("alpha");
        api.create("charlie");

        assertThat(names(api.get("/v1/databases"))).containsExactly("bravo", "alpha", "charlie");
        assertThat(names(api.get("/v1/databases?sort=-created_at"))).containsExactly("charlie", "alpha", "bravo");
        assertThat(names(api.get("/v1/databases?sort=-name"))).containsExactly("charlie", "bravo", "alpha");
    }

    @Test
    void pageTokensRoundTripWithoutRepeatsOrGaps() {
        List<String> created = List.of("db-one", "db-two", "db-three", "db-four", "db-five");
        created.forEach(api::create);

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            String query = "?page_size=2" + (token == null ? "" : "&page_token=" + encode(token));
            JsonNode page = api.get("/v1/databases" + query).json();
            pageSizes.add(page.path("items").size());
            page.path("items").forEach(item -> seen.add(item.path("name").asText()));
            token = page.path("next_page_token").isNull()
                    ? null
                    : page.path("next_page_token").asText();
        } while (token != null && pageSizes.size() < 10);

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void aTokenThatIsNotOursIsAnInputProblem() {
        TestResponse response = api.get("/v1/databases?page_token=bm90LWEtdG9rZW4");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("page_token");
    }

    @Test
    void aTokenFromAnotherSortOrderIsAnInputProblem() {
        api.create("alpha");
        api.create("bravo");
        String token = api.get("/v1/databases?page_size=1&sort=name")
                .json()
                .path("next_page_token")
                .asText();

        TestResponse response = api.get("/v1/databases?sort=-name&page_token=" + encode(token));

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(messageOf(problem, "page_token")).contains("sort order");
    }

    @Test
    void aBadPageSizeIsAnInputProblem() {
        for (String size : List.of("0", "501", "ten", "-1")) {
            JsonNode problem = assertProblem(api.get("/v1/databases?page_size=" + size), 422, "invalid-input");
            assertThat(errorFields(problem)).as("page_size=%s", size).containsExactly("page_size");
        }
    }

    @Test
    void anUnknownQueryParameterIsAnInputProblem() {
        TestResponse response = api.get("/v1/databases?ownerteam=payments");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactly("ownerteam");
        assertThat(messageOf(problem, "ownerteam")).contains("owner_team");
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        TestResponse response = api.get("/v1/databases?colour=red&status=sleeping&sort=size&sort=name");

        JsonNode problem = assertProblem(response, 422, "invalid-input");
        assertThat(errorFields(problem)).containsExactlyInAnyOrder("colour", "sort", "status");
    }

    private static List<String> names(TestResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        response.json()
                .path("items")
                .forEach(item -> names.add(item.path("name").asText()));
        return names;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
