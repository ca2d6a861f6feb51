package dev.daap.application.cost;

import dev.daap.domain.access.Principal;
import dev.daap.domain.cost.CostReport;
import dev.daap.domain.cost.CostSources;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A team's costs of a month, a line per database and plan: for its members (any role) and platform admins, as GET
 * of the team; another team is not found. A read: not audited.
 */
public final class GetTeamCosts {
    private final Teams teams;
    private final CostReports reports;
    private final Clock clock;

    public GetTeamCosts(Teams teams, Plans plans, CostSources sources, Clock clock) {
        this.teams = teams;
        this.reports = new CostReports(sources, plans, clock);
        this.clock = clock;
    }

    public CostReport execute(Principal principal, TeamSlug team, YearMonth month) {
        if (!principal.canSee(team) || teams.find(team).isEmpty()) {
            throw new TeamNotFoundException(team.value());
        }
        checkMonth(month, clock);
        return reports.build(Optional.of(team), month);
    }

    static void checkMonth(YearMonth month, Clock clock) {
        try {
            CostReports.checkMonth(month, clock);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(List.of(new FieldError("month", e.getMessage())));
        }
    }
}
