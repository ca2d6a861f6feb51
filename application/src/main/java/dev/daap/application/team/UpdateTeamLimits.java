package dev.daap.application.team;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.team.MonthlyBudget;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.util.Optional;

/**
 * A platform admin sets a team's own quota of live databases and its monthly budget (a merge patch: absent leaves a
 * value, null removes it), with its audit entry. The team's row is locked as admission locks it, so a change waits
 * for admissions in flight and the next admission sees it. A budget is in the installation's currency: DAAP keeps
 * one currency and converts nothing.
 */
public final class UpdateTeamLimits {
    private final Transactions transactions;
    private final Teams teams;
    private final AuditTrail audit;
    private final String currency;

    public UpdateTeamLimits(Transactions transactions, Teams teams, AuditTrail audit, String currency) {
        this.transactions = transactions;
        this.teams = teams;
        this.audit = audit;
        this.currency = currency;
    }

    /**
     * @param maxDatabases  absent: unchanged; empty: the installation's default
     * @param monthlyBudget absent: unchanged; empty: no budget
     */
    public Team execute(
            Caller caller,
            TeamSlug slug,
            Optional<Optional<Integer>> maxDatabases,
            Optional<Optional<MonthlyBudget>> monthlyBudget) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "changing a team's quota or budget");
        monthlyBudget.flatMap(budget -> budget).ifPresent(budget -> {
            if (!budget.currency().equals(currency)) {
                throw InvalidInputException.of(
                        "monthly_budget.currency", "must be " + currency + ", the currency of this installation");
            }
        });
        return transactions.inTransaction(() -> {
            Team current = teams.lockForAdmission(slug).orElseThrow(() -> new TeamNotFoundException(slug.value()));
            Team changed = current.withLimits(
                    maxDatabases.isPresent() ? maxDatabases.get().orElse(null) : current.maxDatabases(),
                    monthlyBudget.isPresent() ? monthlyBudget.get().orElse(null) : current.monthlyBudget());
            if (changed.equals(current)) {
                return current;
            }
            teams.updateLimits(changed);
            audit.teamLimitsUpdated(caller, current, changed);
            return changed;
        });
    }
}
