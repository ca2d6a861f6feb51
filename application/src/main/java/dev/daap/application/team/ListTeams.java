package dev.daap.application.team;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.util.List;
import java.util.Optional;

/** Teams in slug order: every team for a platform admin, only its own for a team's key. */
public final class ListTeams {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String TOKEN_KIND = "team";
    private final Teams teams;

    public ListTeams(Teams teams) {
        this.teams = teams;
    }

    public Page<Team> execute(Principal principal, Optional<TeamSlug> after, int pageSize) {
        if (!principal.isPlatformAdmin()) {
            boolean ownIsAhead = after.map(position ->
                            position.value().compareTo(principal.team().value()) < 0)
                    .orElse(true);
            List<Team> own = ownIsAhead ? teams.find(principal.team()).stream().toList() : List.of();
            return new Page<>(own, Optional.empty());
        }
        return Page.fromLookahead(teams.list(after, pageSize + 1), pageSize, ListTeams::tokenAfter);
    }

    public static PageToken tokenAfter(Team last) {
        return PageToken.forPosition(TOKEN_KIND, last.slug().value());
    }

    /** The slug a token continues after; throws {@link IllegalArgumentException} for a token that is not ours. */
    public static TeamSlug positionOf(PageToken token) {
        return new TeamSlug(token.positionIn(TOKEN_KIND, "the team list"));
    }
}
