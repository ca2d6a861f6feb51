package dev.daap.application.access;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.util.List;

/** A team's keys, newest first, for its admins and platform admins. There are few: one page. */
public final class ListApiKeys {
    private final Teams teams;
    private final ApiKeys keys;

    public ListApiKeys(Teams teams, ApiKeys keys) {
        this.teams = teams;
        this.keys = keys;
    }

    public List<ApiKey> execute(Principal principal, TeamSlug team) {
        AccessPolicy.requireRole(principal, team, Role.ADMIN, () -> new TeamNotFoundException(team.value()));
        if (teams.find(team).isEmpty()) {
            throw new TeamNotFoundException(team.value());
        }
        return keys.listForTeam(team);
    }
}
