package dev.daap.domain.cost;

import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Pricing;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's costs: a line per database and plan, in the order given, and the total, the sum of the rounded lines.
 *
 * @param complete false for the current month: priced until now
 */
public record CostReport(YearMonth month, boolean complete, List<CostLine> lines, BigDecimal total) {
    private static final BigDecimal BYTE_HOURS_PER_GB_DAY = BigDecimal.valueOf(24_000_000_000L);
    private static final BigDecimal BYTES_PER_GB = BigDecimal.valueOf(1_000_000_000L);

    public CostReport {
        lines = List.copyOf(lines);
    }

    /**
     * Prices each stretch with its plan from {@code plans} (by name) and its storage above the plan's included
     * storage ({@code byteHoursOver}, in the stretches' order).
     */
    public static CostReport price(
            YearMonth month,
            boolean complete,
            List<PlanStretch> stretches,
            List<BigDecimal> byteHoursOver,
            Map<PlanName, Plan> plans) {
        if (stretches.size() != byteHoursOver.size()) {
            throw new IllegalArgumentException("one storage figure per stretch");
        }
        List<CostLine> lines = new ArrayList<>(stretches.size());
        for (int i = 0; i < stretches.size(); i++) {
            PlanStretch stretch = stretches.get(i);
            Plan plan = plans.get(stretch.plan());
            long hours = Pricing.hoursIn(month, stretch.from(), stretch.to());
            BigDecimal over = byteHoursOver.get(i);
            BigDecimal amount = plan == null
                    ? BigDecimal.ZERO.setScale(Pricing.SCALE)
                    : Pricing.line(plan, hours, over.divide(BYTES_PER_GB), month);
            lines.add(new CostLine(
                    stretch.database().id(),
                    stretch.database().name(),
                    stretch.database().team(),
                    stretch.plan(),
                    stretch.from(),
                    stretch.to(),
                    hours,
                    over.divide(BYTE_HOURS_PER_GB_DAY, 6, RoundingMode.HALF_EVEN),
                    amount,
                    plan != null));
        }
        return new CostReport(month, complete, lines, sum(lines));
    }

    /** A line per team: its databases' lines summed (each already rounded), teams in the order of the lines. */
    public List<TeamCost> byTeam() {
        Map<TeamSlug, List<CostLine>> teams = new LinkedHashMap<>();
        lines.forEach(line ->
                teams.computeIfAbsent(line.team(), team -> new ArrayList<>()).add(line));
        return teams.entrySet().stream()
                .map(team -> new TeamCost(
                        team.getKey(),
                        team.getValue().stream()
                                .map(CostLine::databaseId)
                                .distinct()
                                .count(),
                        team.getValue().size(),
                        sum(team.getValue())))
                .toList();
    }

    /** A team's part of a platform report. */
    public record TeamCost(TeamSlug team, long databases, int lines, BigDecimal amount) {}

    private static BigDecimal sum(List<CostLine> lines) {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO.setScale(Pricing.SCALE), BigDecimal::add);
    }
}
