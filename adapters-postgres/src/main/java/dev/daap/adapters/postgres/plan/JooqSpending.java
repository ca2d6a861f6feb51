package dev.daap.adapters.postgres.plan;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.TEAMS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Spending;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@link Spending} port on PostgreSQL: the count is the team's counter, the month's usage runs on the index of a
 * team's databases by creation.
 */
public final class JooqSpending implements Spending {
    private final JooqSession session;

    public JooqSpending(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    /** The team's counter, which triggers on databases keep (daap:0145): one row read, however large the team. */
    @Override
    public long liveDatabases(TeamSlug team, long atMost) {
        Integer live = session.dsl()
                .select(TEAMS.LIVE_DATABASES)
                .from(TEAMS)
                .where(TEAMS.SLUG.eq(team.value()))
                .fetchOne(TEAMS.LIVE_DATABASES);
        return live == null ? 0 : Math.min(live, atMost);
    }

    @Override
    public List<DatabaseUsage> usage(TeamSlug team, Instant from, Instant to) {
        return session.dsl()
                .select(DATABASES.PLAN, DATABASES.STORAGE_BYTES, DATABASES.CREATED_AT, DATABASES.DELETED_AT)
                .from(DATABASES)
                .where(DATABASES.OWNER_TEAM.eq(team.value()))
                .and(DATABASES.CREATED_AT.lt(to))
                .and(DATABASES.DELETED_AT.isNull().or(DATABASES.DELETED_AT.gt(from)))
                .fetch(row -> new DatabaseUsage(new PlanName(row.value1()), row.value2(), row.value3(), row.value4()));
    }
}
