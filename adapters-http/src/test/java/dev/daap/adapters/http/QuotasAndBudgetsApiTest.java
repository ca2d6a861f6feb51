package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.domain.access.Role;
import dev.daap.testing.http.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * A team's quota and budget, set by platform admins and checked before a request is done. The test clock stands at
 * 2026-11-25T14:00Z: 130 of November's 720 hours are left, so a database on small (15.00 a month) adds
 * 15.00 × 130 / 720 = 2.7083… → 2.71 EUR this month.
 */
class QuotasAndBudgetsApiTest extends ApiTest {

    @Test
    void onlyPlatformAdminsSetATeamsQuotaAndBudgetAndTheChangeIsAudited() {
        String teamAdmin = api.issueKey("payments", Role.ADMIN);
        assertProblem(api.as(teamAdmin).patch("/v1/teams/payments", "{\"max_databases\": 500}"), 403, "forbidden");

        TestResponse changed = api.patch("/v1/teams/payments", """
                {"max_databases": 2, "monthly_budget": {"amount": "500.00", "currency": "EUR"}}""");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("max_databases").asInt()).isEqualTo(2);
        assertThat(changed.json().path("monthly_budget").path("amount").asText())
                .isEqualTo("500.00");
        assertThat(api.as(teamAdmin)
                        .get("/v1/teams/payments")
                        .json()
                        .path("max_databases")
                        .asInt())
                .isEqualTo(2);
        var entry = api.auditLog.all().getLast();
        assertThat(entry.action()).isEqualTo("team.update");
        assertThat(entry.before()).containsEntry("max_databases", null);
        assertThat(entry.after()).containsEntry("max_databases", 2L);
        assertProblem(
                api.patch("/v1/teams/payments", "{\"monthly_budget\": {\"amount\": \"5\", \"currency\": \"USD\"}}"),
                422,
                "invalid-input");
        assertThat(api.patch("/v1/teams/payments", "{\"max_databases\": null, \"monthly_budget\": null}")
                        .json()
                        .path("monthly_budget")
                        .isNull())
                .isTrue();
    }

    @Test
    void aTeamAtItsQuotaGetsNoMoreDatabasesUntilItDeletesOne() {
        api.patch("/v1/teams/payments", "{\"max_databases\": 2}");
        api.create("one");
        String two = "/v1/databases/" + api.create("two").path("id").asText();

        JsonNode refused = assertProblem(api.post("/v1/databases", body("three")), 409, "quota-exceeded");

        assertThat(refused.path("detail").asText()).contains("at most 2");
        assertThat(api.store.rows()).hasSize(2);
        assertThat(api.create("three", "search", "Another team's", null)
                        .path("status")
                        .asText())
                .as("another team has its own quota")
                .isEqualTo("pending");
        assertThat(api.delete(two).status()).isEqualTo(202);
        api.runJobs(); // deleted: out of the live set
        assertThat(api.post("/v1/databases", body("three")).status()).isEqualTo(201);
    }

    @Test
    void aRestoreBringsADatabaseBackIntoTheQuota() {
        api.patch("/v1/teams/payments", "{\"max_databases\": 1}");
        String first = "/v1/databases/" + api.create("one").path("id").asText();
        api.runJobs();
        api.delete(first);
        api.runJobs(); // deleted: out of the live set, so another fits
        assertThat(api.post("/v1/databases", body("two")).status()).isEqualTo(201);

        assertProblem(api.post(first + "/restore", ""), 409, "quota-exceeded");

        assertThat(api.get(first).json().path("status").asText()).isEqualTo("deleted");
    }

    @Test
    void underAndExactlyAtTheBudgetIsAdmittedAndOverItIsRefusedWithTheFigures() {
        api.patch("/v1/teams/payments", "{\"monthly_budget\": {\"amount\": \"5.42\", \"currency\": \"EUR\"}}");
        assertThat(api.post("/v1/databases", body("one")).status())
                .as("under: 2.71")
                .isEqualTo(201);
        assertThat(api.post("/v1/databases", body("two")).status())
                .as("exactly at: 5.42")
                .isEqualTo(201);
        int entries = api.auditLog.all().size();
        int jobs = api.jobs.all().size();

        JsonNode refused = assertProblem(api.post("/v1/databases", body("three")), 409, "budget-exceeded");

        assertThat(refused.path("budget").asText()).isEqualTo("5.42");
        assertThat(refused.path("projected").asText()).isEqualTo("8.13");
        assertThat(refused.path("this_request").asText()).isEqualTo("2.71");
        assertThat(refused.path("currency").asText()).isEqualTo("EUR");
        assertThat(api.store.rows()).hasSize(2);
        assertThat(api.auditLog.all()).hasSize(entries);
        assertThat(api.jobs.all()).hasSize(jobs);
    }

    @Test
    void aDryRunAnswersTheQuoteAndStoresAuditsAndQueuesNothing() {
        api.patch("/v1/teams/payments", "{\"monthly_budget\": {\"amount\": \"100.00\", \"currency\": \"EUR\"}}");
        api.create("one");
        int entries = api.auditLog.all().size();
        int jobs = api.jobs.all().size();

        TestResponse quote = api.post("/v1/databases?dry_run=true", body("two"));

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        JsonNode figures = quote.json();
        assertThat(figures.path("monthly_price").asText()).isEqualTo("15.00");
        assertThat(figures.path("this_request").asText()).isEqualTo("2.71");
        assertThat(figures.path("projected_without").asText()).isEqualTo("2.71");
        assertThat(figures.path("projected_with").asText()).isEqualTo("5.42");
        assertThat(figures.path("budget").asText()).isEqualTo("100.00");
        assertThat(figures.path("budget_left").asText()).isEqualTo("94.58");
        assertThat(figures.path("currency").asText()).isEqualTo("EUR");
        assertThat(api.store.rows()).hasSize(1);
        assertThat(api.auditLog.all()).hasSize(entries);
        assertThat(api.jobs.all()).hasSize(jobs);
        assertProblem(api.post("/v1/databases?dry_run=maybe", body("two")), 422, "invalid-input");
    }

    @Test
    void aPlanUpgradeIsPricedByTheDifferenceAndADryRunOfItChangesNothing() {
        String path = api.createReady("orders");
        long version = api.get(path).json().path("version").asLong();

        TestResponse quote = api.patch(path + "?dry_run=true", "{\"plan\": \"medium\"}");

        assertThat(quote.status()).as(quote.body()).isEqualTo(200);
        // medium: 60.00 × 130 / 720 = 10.83; small's 2.71 replaced: 8.12 more
        assertThat(quote.json().path("monthly_price").asText()).isEqualTo("60.00");
        assertThat(quote.json().path("this_request").asText()).isEqualTo("8.12");
        assertThat(quote.json().path("budget").isNull()).isTrue();
        assertThat(api.get(path).json().path("version").asLong()).isEqualTo(version);
        assertThat(api.get(path).json().path("plan").asText()).isEqualTo("small");

        api.patch("/v1/teams/payments", "{\"monthly_budget\": {\"amount\": \"10.00\", \"currency\": \"EUR\"}}");
        JsonNode refused = assertProblem(api.patch(path, "{\"plan\": \"medium\"}"), 409, "budget-exceeded");
        assertThat(refused.path("projected").asText()).isEqualTo("10.83");
        assertThat(api.patch(path, "{\"plan\": \"small\", \"purpose\": \"Still small\"}")
                        .status())
                .as("no dearer plan: admitted whatever the budget")
                .isEqualTo(200);
    }

    private static String body(String name) {
        return "{\"name\": \"" + name + "\", \"purpose\": \"Ledger\", \"owner_team\": \"payments\"}";
    }
}
