package dev.daap.application.team;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.Teams;
import java.time.Clock;

/** A platform admin adds a team; the team's own admins are then given keys with {@code CreateApiKey}. */
public final class CreateTeam {
    private final Transactions transactions;
    private final Teams teams;
    private final AuditTrail audit;
    private final Clock clock;

    public CreateTeam(Transactions transactions, Teams teams, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    public Team execute(Caller caller, CreateTeamCommand command) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "creating a team");
        Team team = new Team(command.slug(), command.displayName(), clock.instant());
        return transactions.inTransaction(() -> {
            teams.add(team);
            audit.teamCreated(caller, team);
            return team;
        });
    }
}
