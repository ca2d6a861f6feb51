package dev.daap.application.cost;

import dev.daap.domain.cost.CostReport;
import dev.daap.domain.cost.CostSources;
import dev.daap.domain.cost.CostSources.DatabaseLife;
import dev.daap.domain.cost.CostSources.PlanChange;
import dev.daap.domain.cost.CostSources.StorageStretch;
import dev.daap.domain.cost.PlanStretch;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.plan.Pricing;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds a month's cost report in four reads, whatever the number of databases: the databases live in the month,
 * their plan changes since its start, the catalog, and the storage of every stretch. The current month is priced
 * until now; a later month is refused by the callers.
 */
final class CostReports {
    private final CostSources sources;
    private final Plans plans;
    private final Clock clock;

    CostReports(CostSources sources, Plans plans, Clock clock) {
        this.sources = sources;
        this.plans = plans;
        this.clock = clock;
    }

    /** The month a report may be asked for: not after the current one. */
    static void checkMonth(YearMonth month, Clock clock) {
        if (month.isAfter(Pricing.monthOf(clock.instant()))) {
            throw new IllegalArgumentException("must not be after the current month");
        }
    }

    CostReport build(Optional<TeamSlug> team, YearMonth month) {
        Instant now = clock.instant();
        Instant start = Pricing.start(month);
        boolean complete = !Pricing.end(month).isAfter(now);
        Instant end = complete ? Pricing.end(month) : now;
        List<DatabaseLife> lives = sources.databasesLiveIn(team, start, end);
        Map<DatabaseId, List<PlanChange>> changes =
                sources.planChangesSince(team, start).stream().collect(Collectors.groupingBy(PlanChange::database));
        Map<PlanName, Plan> catalog = plans.list().stream().collect(Collectors.toMap(Plan::name, Function.identity()));
        List<PlanStretch> stretches = new ArrayList<>();
        lives.forEach(
                life -> stretches.addAll(PlanStretch.of(life, changes.getOrDefault(life.id(), List.of()), start, end)));
        List<BigDecimal> over = sources.byteHoursOverIncluded(stretches.stream()
                .map(stretch -> new StorageStretch(
                        stretch.database().id(),
                        stretch.fromHour(),
                        stretch.toHour(),
                        Optional.ofNullable(catalog.get(stretch.plan()))
                                .map(Plan::includedStorageBytes)
                                .orElse(Long.MAX_VALUE)))
                .toList());
        return CostReport.price(month, complete, stretches, over, catalog);
    }
}
