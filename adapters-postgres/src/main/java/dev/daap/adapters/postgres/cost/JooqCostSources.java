package dev.daap.adapters.postgres.cost;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.DATABASE_REVISIONS;
import static dev.daap.adapters.postgres.generated.Tables.USAGE_HOURLY;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.cost.CostSources;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record2;
import org.jooq.Record4;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link CostSources} on PostgreSQL, one statement each: the databases on the index of a team's databases by
 * creation, the plan changes from the revisions' {@code changes} (the primary key of each database's revisions),
 * and the storage of every stretch at once, its hours read from the hourly rollups' primary key.
 */
public final class JooqCostSources implements CostSources {
    private static final Field<UUID> STRETCH_DATABASE = DSL.field(DSL.name("s", "database_id"), UUID.class);
    private static final Field<OffsetDateTime> STRETCH_FROM =
            DSL.field(DSL.name("s", "from_hour"), OffsetDateTime.class);
    private static final Field<OffsetDateTime> STRETCH_TO = DSL.field(DSL.name("s", "to_hour"), OffsetDateTime.class);
    private static final Field<Long> STRETCH_INCLUDED = DSL.field(DSL.name("s", "included"), Long.class);
    private static final Field<Long> STRETCH_ORDER = DSL.field(DSL.name("s", "n"), Long.class);
    private final JooqSession session;

    public JooqCostSources(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public List<DatabaseLife> databasesLiveIn(Optional<TeamSlug> team, Instant from, Instant to) {
        return session.dsl()
                .select(
                        DATABASES.ID,
                        DATABASES.NAME,
                        DATABASES.OWNER_TEAM,
                        DATABASES.PLAN,
                        DATABASES.CREATED_AT,
                        DATABASES.DELETED_AT)
                .from(DATABASES)
                .where(ofTeam(team))
                .and(DATABASES.CREATED_AT.lt(to))
                .and(DATABASES.DELETED_AT.isNull().or(DATABASES.DELETED_AT.gt(from)))
                .orderBy(DATABASES.OWNER_TEAM, DATABASES.NAME, DATABASES.CREATED_AT)
                .fetch(row -> new DatabaseLife(
                        new DatabaseId(row.value1()),
                        row.value2(),
                        new TeamSlug(row.value3()),
                        new PlanName(row.value4()),
                        row.value5(),
                        row.value6()));
    }

    @Override
    public List<PlanChange> planChangesSince(Optional<TeamSlug> team, Instant since) {
        return planChanges(team, since)
                .fetch(row -> new PlanChange(
                        new DatabaseId(row.value1()),
                        row.value2(),
                        new PlanName(row.value3()),
                        new PlanName(row.value4())));
    }

    ResultQuery<Record4<UUID, Instant, String, String>> planChanges(Optional<TeamSlug> team, Instant since) {
        Table<?> change = DSL.table("jsonb_array_elements({0})", DATABASE_REVISIONS.CHANGES)
                .as("change", "item");
        Field<JSONB> item = DSL.field(DSL.name("change", "item"), JSONB.class);
        Field<String> field = DSL.field("{0} ->> 'field'", String.class, item);
        Field<String> before = DSL.field("{0} ->> 'before'", String.class, item);
        Field<String> after = DSL.field("{0} ->> 'after'", String.class, item);
        return session.dsl()
                .select(DATABASE_REVISIONS.DATABASE_ID, DATABASE_REVISIONS.CHANGED_AT, before, after)
                .from(DATABASES)
                .join(DATABASE_REVISIONS)
                .on(DATABASE_REVISIONS.DATABASE_ID.eq(DATABASES.ID))
                .crossJoin(DSL.lateral(change))
                .where(ofTeam(team))
                .and(DATABASE_REVISIONS.CHANGED_AT.ge(since))
                .and(field.eq("plan"))
                .and(before.isNotNull())
                .and(after.isNotNull())
                .orderBy(DATABASE_REVISIONS.DATABASE_ID, DATABASE_REVISIONS.VERSION);
    }

    @Override
    public List<BigDecimal> byteHoursOverIncluded(List<StorageStretch> stretches) {
        if (stretches.isEmpty()) {
            return List.of();
        }
        return storage(stretches).fetch(Record2::value2);
    }

    ResultQuery<Record2<Long, BigDecimal>> storage(List<StorageStretch> stretches) {
        Table<?> s = DSL.table(
                        "unnest({0}, {1}, {2}, {3}) with ordinality",
                        DSL.val(
                                stretches.stream()
                                        .map(x -> x.database().value())
                                        .toArray(UUID[]::new),
                                SQLDataType.UUID.array()),
                        DSL.val(
                                stretches.stream().map(x -> utc(x.fromHour())).toArray(OffsetDateTime[]::new),
                                SQLDataType.TIMESTAMPWITHTIMEZONE.array()),
                        DSL.val(
                                stretches.stream().map(x -> utc(x.toHour())).toArray(OffsetDateTime[]::new),
                                SQLDataType.TIMESTAMPWITHTIMEZONE.array()),
                        DSL.val(
                                stretches.stream()
                                        .map(StorageStretch::includedBytes)
                                        .toArray(Long[]::new),
                                SQLDataType.BIGINT.array()))
                .as("s", "database_id", "from_hour", "to_hour", "included", "n");
        Field<BigDecimal> average = USAGE_HOURLY
                .STORAGE_BYTES_SUM
                .cast(SQLDataType.NUMERIC)
                .div(USAGE_HOURLY.SAMPLES.cast(SQLDataType.NUMERIC));
        Field<BigDecimal> over = DSL.coalesce(
                DSL.sum(DSL.greatest(
                        average.minus(STRETCH_INCLUDED.cast(SQLDataType.NUMERIC)), DSL.inline(BigDecimal.ZERO))),
                DSL.inline(BigDecimal.ZERO));
        return session.dsl()
                .select(STRETCH_ORDER, over)
                .from(s)
                .leftJoin(USAGE_HOURLY)
                .on(USAGE_HOURLY.DATABASE_ID.eq(STRETCH_DATABASE))
                .and(DSL.field("{0}", OffsetDateTime.class, USAGE_HOURLY.HOUR).ge(STRETCH_FROM))
                .and(DSL.field("{0}", OffsetDateTime.class, USAGE_HOURLY.HOUR).lt(STRETCH_TO))
                .groupBy(STRETCH_ORDER)
                .orderBy(STRETCH_ORDER);
    }

    private static Condition ofTeam(Optional<TeamSlug> team) {
        return team.map(slug -> DATABASES.OWNER_TEAM.eq(slug.value())).orElse(DSL.noCondition());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
