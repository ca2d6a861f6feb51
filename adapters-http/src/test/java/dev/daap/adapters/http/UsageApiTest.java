package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.testing.http.TestResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The usage reads over HTTP on fakes (nothing measured there): the range an open request gets, and every bad
 * parameter a 422 naming it. What a series holds is tested on PostgreSQL and end to end.
 */
class UsageApiTest extends ApiTest {

    @Test
    void anOpenRangeIsTheLastDayByHourForADatabaseAndTheLast30DaysByDayForATeam() {
        String path = api.createReady("orders");
        Instant now = api.clock.instant();

        JsonNode database = api.get(path + "/usage").json();
        JsonNode team = api.get("/v1/teams/payments/usage").json();

        assertThat(database.path("database_id").asText()).isEqualTo(path.substring(path.lastIndexOf('/') + 1));
        assertThat(database.path("granularity").asText()).isEqualTo("hour");
        assertThat(Duration.between(
                        Instant.parse(database.path("from").asText()),
                        Instant.parse(database.path("to").asText())))
                .isBetween(Duration.ofHours(24), Duration.ofHours(25));
        assertThat(Instant.parse(database.path("to").asText())).isAfterOrEqualTo(now);
        assertThat(database.path("points").isArray()).isTrue();
        assertThat(team.path("team").asText()).isEqualTo("payments");
        assertThat(team.path("granularity").asText()).isEqualTo("day");
        assertThat(Duration.between(
                        Instant.parse(team.path("from").asText()),
                        Instant.parse(team.path("to").asText())))
                .isBetween(Duration.ofDays(30), Duration.ofDays(31));
    }

    @Test
    void aRangeIsWholePointsFromTheOneFromFallsInToTheOneToEnds() {
        String path = api.createReady("orders");

        JsonNode series = api.get(path + "/usage?from=2026-12-01T10:20:00Z&to=2026-12-01T12:10:00Z")
                .json();

        assertThat(series.path("from").asText()).isEqualTo("2026-12-01T10:00:00Z");
        assertThat(series.path("to").asText()).isEqualTo("2026-12-01T13:00:00Z");
    }

    @Test
    void everyBadParameterIsA422NamingIt() {
        String path = api.createReady("orders");

        assertInvalid(api.get(path + "/usage?granularity=week"), "granularity", "must be hour or day");
        assertInvalid(api.get(path + "/usage?from=yesterday"), "from", "RFC 3339");
        assertInvalid(
                api.get(path + "/usage?from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z"),
                "to",
                "to must be after from");
        assertInvalid(
                api.get(path + "/usage?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z"),
                "to",
                "at most 1000 are answered");
        assertInvalid(api.get(path + "/usage?form=2026-01-01T00:00:00Z"), "form", "not a known query parameter");
        assertInvalid(api.get("/v1/teams/payments/usage?granularity=minute"), "granularity", "must be hour or day");
        assertThat(api.get("/v1/teams/payments/usage?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z")
                        .status())
                .as("334 days are fewer than 1000 points")
                .isEqualTo(200);
    }

    private static void assertInvalid(TestResponse response, String field, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("type").asText()).endsWith("/invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("errors").get(0).path("message").asText())
                .contains(message);
    }
}
