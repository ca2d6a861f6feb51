package dev.daap.application.team;

import dev.daap.domain.access.Principal;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;

/** One team, if the caller belongs to it or is a platform admin; any other team is "not found". */
public final class GetTeam {
    private final Teams teams;

    public GetTeam(Teams teams) {
        this.teams = teams;
    }

    public Team execute(Principal principal, TeamSlug slug) {
        if (!principal.canSee(slug)) {
            throw new TeamNotFoundException(slug.value());
        }
        return teams.find(slug).orElseThrow(() -> new TeamNotFoundException(slug.value()));
    }
}
