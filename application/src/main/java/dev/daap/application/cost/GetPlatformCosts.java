package dev.daap.application.cost;

import dev.daap.application.access.AccessPolicy;
import dev.daap.domain.access.Principal;
import dev.daap.domain.cost.CostReport;
import dev.daap.domain.cost.CostSources;
import dev.daap.domain.plan.Plans;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Optional;

/** Every team's costs of a month, for platform admins: the lines of all databases, summed per team. Not audited. */
public final class GetPlatformCosts {
    private final CostReports reports;
    private final Clock clock;

    public GetPlatformCosts(Plans plans, CostSources sources, Clock clock) {
        this.reports = new CostReports(sources, plans, clock);
        this.clock = clock;
    }

    public CostReport execute(Principal principal, YearMonth month) {
        AccessPolicy.requirePlatformAdmin(principal, "reading every team's costs");
        GetTeamCosts.checkMonth(month, clock);
        return reports.build(Optional.empty(), month);
    }
}
