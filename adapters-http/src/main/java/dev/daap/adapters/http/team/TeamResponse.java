package dev.daap.adapters.http.team;

import dev.daap.adapters.http.plan.Amounts;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.team.Team;
import java.time.Instant;
import java.util.List;

/**
 * A team as the API shows it. {@code max_databases} null: the installation's quota (DAAP_TEAM_MAX_DATABASES);
 * {@code monthly_budget} null: no budget.
 */
public record TeamResponse(
        String slug, String displayName, Instant createdAt, Integer maxDatabases, BudgetResponse monthlyBudget) {

    /** An amount as a decimal string, and its currency. */
    public record BudgetResponse(String amount, String currency) {}

    public static TeamResponse from(Team team) {
        return new TeamResponse(
                team.slug().value(),
                team.displayName(),
                team.createdAt(),
                team.maxDatabases(),
                team.monthlyBudget() == null
                        ? null
                        : new BudgetResponse(
                                Amounts.text(team.monthlyBudget().amount()),
                                team.monthlyBudget().currency()));
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
