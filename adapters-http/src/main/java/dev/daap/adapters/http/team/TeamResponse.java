package dev.daap.adapters.http.team;

import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.team.Team;
import java.time.Instant;
import java.util.List;

/** A team as the API shows it. */
public record TeamResponse(String slug, String displayName, Instant createdAt) {
    public static TeamResponse from(Team team) {
        return new TeamResponse(team.slug().value(), team.displayName(), team.createdAt());
    }

    /** One page of {@code GET /v1/teams}; {@code next_page_token} is null on the last page. */
    public record PageResponse(List<TeamResponse> items, String nextPageToken) {
        public static PageResponse from(Page<Team> page) {
            return new PageResponse(
                    page.items().stream().map(TeamResponse::from).toList(),
                    page.next().map(PageToken::value).orElse(null));
        }
    }
}
