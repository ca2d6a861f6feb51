package dev.daap.application.usage;

import dev.daap.domain.access.Principal;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import dev.daap.domain.usage.UsageHistory;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import java.util.List;

/**
 * A team's usage over time, summed over the databases it owns: for its members (any role) and platform admins, as
 * GET of the team; any other team is not found. A read: not audited.
 */
public final class GetTeamUsage {
    private final Teams teams;
    private final UsageHistory history;

    public GetTeamUsage(Teams teams, UsageHistory history) {
        this.teams = teams;
        this.history = history;
    }

    public List<UsagePoint> execute(Principal principal, TeamSlug team, UsageRange range) {
        if (!principal.canSee(team) || teams.find(team).isEmpty()) {
            throw new TeamNotFoundException(team.value());
        }
        return history.ofTeam(team, range);
    }
}
