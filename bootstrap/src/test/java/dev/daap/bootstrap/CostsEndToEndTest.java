package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.TestResponse;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The cost reports of a running server on PostgreSQL: a line per database and plan (a plan change is two, from the
 * revisions), the storage above the included from the hourly rollups, and the CSV, parsed by Commons CSV (RFC
 * 4180), adding up to the JSON's totals, for a team and for the platform.
 */
class CostsEndToEndTest {
    private static final TestPostgres postgres = TestPostgres.shared();

    @Test
    void aTeamsAndThePlatformsReportsAsJsonAndCsvAddUp() throws Exception {
        Map<String, String> env = RunningDaap.freshDatabaseEnvironment();
        env.put("DAAP_WORKERS", "0"); // what a report reads is the records; nothing needs provisioning
        String url = env.get("DATABASE_URL");
        String metadata = url.substring(url.lastIndexOf('/') + 1);
        try (RunningDaap daap = RunningDaap.start(env)) {
            daap.teamsExist("costs");
            String big = daap.post("/v1/databases", """
                            {"name": "big", "owner_team": "costs", "purpose": "stores much"}""").json().path("id").asText();
            String moved = daap.post("/v1/databases", """
                            {"name": "moved", "owner_team": "costs", "purpose": "changes plan"}""").json().path("id").asText();
            TestResponse patched = daap.patch("/v1/databases/" + moved, "{\"plan\": \"medium\"}");
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            // An hour of 7 GB on average: 2 GB above small's 5 GB included, 2 GB-hours = 0.083333 GB-days.
            try (Connection connection = postgres.dataSource(metadata).getConnection();
                    PreparedStatement hour = connection.prepareStatement(
                            "INSERT INTO daap.usage_hourly (database_id, hour, storage_bytes_sum, storage_bytes_max,"
                                    + " samples) VALUES (?, date_trunc('hour', now(), 'UTC'), 14000000000,"
                                    + " 8000000000, 2)")) {
                hour.setObject(1, UUID.fromString(big));
                hour.executeUpdate();
            }

            JsonNode report = daap.get("/v1/teams/costs/costs").json();
            TestResponse csv = daap.get("/v1/teams/costs/costs", "Accept", "text/csv");

            assertThat(report.path("complete").asBoolean()).isFalse();
            assertThat(report.path("currency").asText()).isEqualTo("EUR");
            List<String> plans = new ArrayList<>();
            report.path("lines")
                    .forEach(line -> plans.add(
                            line.path("name").asText() + ":" + line.path("plan").asText()));
            assertThat(plans).containsExactly("big:small", "moved:small", "moved:medium");
            assertThat(report.path("lines")
                            .get(0)
                            .path("storage_gb_days_over_included")
                            .asText())
                    .isEqualTo("0.083333");
            BigDecimal total = new BigDecimal(report.path("total").asText());
            BigDecimal sum = BigDecimal.ZERO;
            for (JsonNode line : report.path("lines")) {
                sum = sum.add(new BigDecimal(line.path("amount").asText()));
            }
            assertThat(sum).isEqualTo(total);
            assertThat(total.signum()).isPositive();

            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
            assertThat(csv.body()).contains("\r\n");
            List<CSVRecord> rows = parse(csv.body());
            assertThat(rows).hasSize(4);
            assertThat(rows.getFirst().get("database_id")).isEqualTo(big);
            assertThat(rows.getFirst().get("plan")).isEqualTo("small");
            assertThat(rows.getFirst().get("hours"))
                    .isEqualTo(report.path("lines").get(0).path("hours").asText());
            BigDecimal csvSum = rows.stream()
                    .filter(row -> !row.get("database_id").equals("total"))
                    .map(row -> new BigDecimal(row.get("amount")))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(csvSum).isEqualTo(total);
            assertThat(new BigDecimal(rows.getLast().get("amount"))).isEqualTo(total);
            assertThat(rows.getLast().get("database_id")).isEqualTo("total");

            JsonNode platform = daap.get("/v1/costs").json();
            List<CSVRecord> teams =
                    parse(daap.get("/v1/costs", "Accept", "text/csv").body());
            JsonNode costs = null;
            for (JsonNode team : platform.path("teams")) {
                if (team.path("team").asText().equals("costs")) {
                    costs = team;
                }
            }
            assertThat(costs).isNotNull();
            assertThat(new BigDecimal(costs.path("amount").asText())).isEqualTo(total);
            assertThat(costs.path("databases").asLong()).isEqualTo(2);
            assertThat(teams.stream()
                            .filter(row -> !row.get("team").equals("total"))
                            .map(row -> new BigDecimal(row.get("amount")))
                            .reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualTo(new BigDecimal(platform.path("total").asText()));

            assertThat(daap.get("/v1/teams/costs/costs?month=2026-13").status()).isEqualTo(422);
            assertThat(daap.get("/v1/teams/costs/costs?month=2999-01").status()).isEqualTo(422);
            assertThat(daap.get("/v1/teams/costs/costs?month=2020-01").json().path("lines"))
                    .isEmpty();
        }
    }

    private static List<CSVRecord> parse(String body) throws IOException {
        return CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(body))
                .getRecords();
    }
}
