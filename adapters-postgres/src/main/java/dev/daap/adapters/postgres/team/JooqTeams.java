package dev.daap.adapters.postgres.team;

import static dev.daap.adapters.postgres.generated.Tables.TEAMS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.domain.error.TeamNotFoundException;
import dev.daap.domain.error.TeamTakenException;
import dev.daap.domain.team.Team;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.team.Teams;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** The {@link Teams} port on PostgreSQL; lists are keyset-paginated on the slug, the primary key. */
public final class JooqTeams implements Teams {
    static final String PRIMARY_KEY = "teams_pkey";
    private final JooqSession session;

    public JooqTeams(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void add(Team team) {
        try {
            session.dsl().executeInsert(TeamRecordMapper.toRecord(team));
        } catch (DataAccessException e) {
            if (StoreErrors.violates(e, PRIMARY_KEY)) {
                throw new TeamTakenException(team.slug().value());
            }
            throw e;
        }
    }

    @Override
    public Optional<Team> find(TeamSlug slug) {
        return session.dsl()
                .selectFrom(TEAMS)
                .where(TEAMS.SLUG.eq(slug.value()))
                .fetchOptional()
                .map(TeamRecordMapper::toDomain);
    }

    @Override
    public Optional<Team> lockForAdmission(TeamSlug slug) {
        // NO KEY UPDATE: admissions of the team queue here, while the key share that inserts referring to the team
        // take (its databases', its API keys') goes on.
        return session.dsl()
                .selectFrom(TEAMS)
                .where(TEAMS.SLUG.eq(slug.value()))
                .forNoKeyUpdate()
                .fetchOptional()
                .map(TeamRecordMapper::toDomain);
    }

    @Override
    public void updateLimits(Team team) {
        int updated = session.dsl()
                .update(TEAMS)
                .set(TEAMS.MAX_DATABASES, team.maxDatabases())
                .set(
                        TEAMS.MONTHLY_BUDGET,
                        team.monthlyBudget() == null
                                ? null
                                : team.monthlyBudget().amount())
                .set(
                        TEAMS.BUDGET_CURRENCY,
                        team.monthlyBudget() == null
                                ? null
                                : team.monthlyBudget().currency())
                .where(TEAMS.SLUG.eq(team.slug().value()))
                .execute();
        if (updated == 0) {
            throw new TeamNotFoundException(team.slug().value());
        }
    }

    @Override
    public List<Team> list(Optional<TeamSlug> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        Condition position = after.map(slug -> TEAMS.SLUG.gt(slug.value())).orElse(DSL.noCondition());
        return session.dsl()
                .selectFrom(TEAMS)
                .where(position)
                .orderBy(TEAMS.SLUG)
                .limit(limit)
                .fetch(TeamRecordMapper::toDomain);
    }
}
