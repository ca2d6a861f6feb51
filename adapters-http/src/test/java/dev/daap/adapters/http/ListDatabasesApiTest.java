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
