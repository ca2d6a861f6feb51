package dev.daap.adapters.http.cost;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.daap.adapters.http.plan.Amounts;
import dev.daap.domain.cost.CostLine;
import dev.daap.domain.cost.CostReport;
import java.time.Instant;
import java.util.List;

/**
 * A month's costs as JSON: a team's (a line per database and plan) or the platform's (a line per team). Amounts and
 * GB-days are decimal strings, as every amount of the API.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CostResponse(
        String team,
        String month,
        boolean complete,
        String currency,
        List<Line> lines,
        List<TeamLine> teams,
        String total) {

    /** A database on one plan in the month; the columns of the CSV, in this order. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({
        "database_id",
        "name",
        "plan",
        "from",
        "to",
        "hours",
        "storage_gb_days_over_included",
        "amount",
        "plan_priced"
    })
    public record Line(
            String databaseId,
            String name,
            String plan,
            Instant from,
            Instant to,
            Long hours,
            String storageGbDaysOverIncluded,
            String amount,
            Boolean planPriced) {}

    /** A team's databases' lines summed; the columns of the platform's CSV, in this order. */
    @JsonPropertyOrder({"team", "databases", "amount"})
    public record TeamLine(String team, Long databases, String amount) {}

    static CostResponse ofTeam(String team, CostReport report, String currency) {
        return new CostResponse(
                team,
                report.month().toString(),
                report.complete(),
                currency,
                report.lines().stream().map(CostResponse::line).toList(),
                null,
                Amounts.text(report.total()));
    }

    static CostResponse ofPlatform(CostReport report, String currency) {
        return new CostResponse(
                null,
                report.month().toString(),
                report.complete(),
                currency,
                null,
                report.byTeam().stream()
                        .map(team -> new TeamLine(team.team().value(), team.databases(), Amounts.text(team.amount())))
                        .toList(),
                Amounts.text(report.total()));
    }

    private static Line line(CostLine line) {
        return new Line(
                line.databaseId().toString(),
                line.name(),
                line.plan().value(),
                line.from(),
                line.to(),
                line.hours(),
                line.storageGbDaysOverIncluded().toPlainString(),
                Amounts.text(line.amount()),
                line.planPriced());
    }
}
