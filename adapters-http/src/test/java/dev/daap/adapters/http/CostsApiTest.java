package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestResponse;
import org.junit.jupiter.api.Test;

/**
 * The cost reports over HTTP on fakes (no database live in any month there): the month parameter, the JSON's shape
 * and the CSV's; what the lines hold is tested on PostgreSQL and end to end (CostsEndToEndTest).
 */
class CostsApiTest extends ApiTest {

    @Test
    void theCurrentMonthByDefaultAsJsonOrCsv() {
        JsonNode report = api.get("/v1/teams/payments/costs").json();
        TestResponse csv = api.get("/v1/teams/payments/costs", "Accept", "text/csv");
        TestResponse platform = api.get("/v1/costs?month=2026-10", "Accept", "text/csv, application/json");

        assertThat(report.path("team").asText()).isEqualTo("payments");
        assertThat(report.path("month").asText()).isEqualTo("2026-11"); // the test clock's
        assertThat(report.path("complete").asBoolean()).isFalse();
        assertThat(report.path("lines")).isEmpty();
        assertThat(report.path("total").asText()).isEqualTo("0.00");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body())
                .isEqualTo("database_id,name,plan,from,to,hours,storage_gb_days_over_included,amount,plan_priced\r\n"
                        + "total,,,,,,,0.00,\r\n");
        assertThat(platform.body()).isEqualTo("team,databases,amount\r\ntotal,,0.00\r\n");
    }

    @Test
    void aBadOrLaterMonthIsA422NamingIt() {
        for (String month : new String[] {"2026-13", "2026-1", "december", "2026-12-01", "2026-12"}) {
            TestResponse response = api.get("/v1/teams/payments/costs?month=" + month);

            assertThat(response.status()).as(month + ": " + response.body()).isEqualTo(422);
            assertThat(response.json().path("errors").get(0).path("field").asText())
                    .isEqualTo("month");
        }
        assertThat(api.get("/v1/costs?month=2027-01").status()).isEqualTo(422);
        assertThat(api.get("/v1/costs?moth=2026-11").status()).isEqualTo(422);
    }
}
