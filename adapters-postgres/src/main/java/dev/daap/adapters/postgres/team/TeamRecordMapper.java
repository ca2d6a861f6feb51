package dev.daap.adapters.postgres.team;

import dev.daap.adapters.postgres.generated.tables.records.TeamsRecord;
import dev.daap.domain.team.MonthlyBudget;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;

/** Maps between the generated record and the domain's {@link Team}. */
final class TeamRecordMapper {
    private TeamRecordMapper() {}

    static Team toDomain(TeamsRecord record) {
        return new Team(
                new TeamSlug(record.getSlug()),
                record.getDisplayName(),
                record.getCreatedAt(),
                record.getMaxDatabases(),
                record.getMonthlyBudget() == null
                        ? null
                        : new MonthlyBudget(record.getMonthlyBudget(), record.getBudgetCurrency()));
    }

    static TeamsRecord toRecord(Team team) {
        return new TeamsRecord()
                .setSlug(team.slug().value())
                .setDisplayName(team.displayName())
                .setCreatedAt(team.createdAt())
                .setMaxDatabases(team.maxDatabases())
                .setMonthlyBudget(
                        team.monthlyBudget() == null
                                ? null
                                : team.monthlyBudget().amount())
                .setBudgetCurrency(
                        team.monthlyBudget() == null
                                ? null
                                : team.monthlyBudget().currency());
    }
}
