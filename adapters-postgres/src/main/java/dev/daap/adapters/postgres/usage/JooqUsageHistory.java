package dev.daap.adapters.postgres.usage;

import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.USAGE_HOURLY;
import static dev.daap.adapters.postgres.generated.Tables.USAGE_SAMPLES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.usage.UsageHistory;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record6;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link UsageHistory} on PostgreSQL. The fold is one statement: a DELETE of the samples before the hour whose
 * RETURNING feeds an INSERT … SELECT … GROUP BY into the hourly rows, merging into a row already there (sums and
 * counts add, maxima take the larger), so a late sample of a folded hour is never lost nor counted twice. Reads
 * join the hourly rows with the samples not folded yet, by hour, so the newest data shows.
 */
public final class JooqUsageHistory implements UsageHistory {
    private static final String UTC = "UTC";
    private static final String DATABASE_ID = "database_id";
    private static final String HOUR = "hour";
    private static final String POINT = "point";
    private static final String BYTES_SUM = "bytes_sum";
    private static final String BYTES_MAX = "bytes_max";
    private static final String CONNECTIONS = "connections";
    private static final String SAMPLES = "samples";
    private final JooqSession session;

    public JooqUsageHistory(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public long foldSamplesBefore(Instant hour) {
        CommonTableExpression<?> folded = DSL.name("folded")
                .as(DSL.deleteFrom(USAGE_SAMPLES)
                        .where(USAGE_SAMPLES.SAMPLED_AT.lt(hour))
                        .returningResult(
                                USAGE_SAMPLES.DATABASE_ID,
                                USAGE_SAMPLES.SAMPLED_AT,
                                USAGE_SAMPLES.STORAGE_BYTES,
                                USAGE_SAMPLES.CONNECTIONS));
        Field<java.util.UUID> database = folded.field(USAGE_SAMPLES.DATABASE_ID);
        Field<Instant> sampledAt = folded.field(USAGE_SAMPLES.SAMPLED_AT);
        Field<Long> bytes = folded.field(USAGE_SAMPLES.STORAGE_BYTES);
        Field<Integer> connections = folded.field(USAGE_SAMPLES.CONNECTIONS);
        Field<Instant> inHour = hourOf(sampledAt);
        return session.dsl()
                .with(folded)
                .insertInto(
                        USAGE_HOURLY,
                        USAGE_HOURLY.DATABASE_ID,
                        USAGE_HOURLY.HOUR,
                        USAGE_HOURLY.STORAGE_BYTES_SUM,
                        USAGE_HOURLY.STORAGE_BYTES_MAX,
                        USAGE_HOURLY.CONNECTIONS_MAX,
                        USAGE_HOURLY.SAMPLES)
                .select(DSL.select(
                                database,
                                inHour,
                                DSL.sum(bytes).cast(SQLDataType.BIGINT),
                                DSL.max(bytes),
                                DSL.max(connections),
                                DSL.count())
                        .from(folded)
                        .groupBy(database, inHour))
                .onConflict(USAGE_HOURLY.DATABASE_ID, USAGE_HOURLY.HOUR)
                .doUpdate()
                .set(
                        USAGE_HOURLY.STORAGE_BYTES_SUM,
                        USAGE_HOURLY.STORAGE_BYTES_SUM.plus(DSL.excluded(USAGE_HOURLY.STORAGE_BYTES_SUM)))
                .set(
                        USAGE_HOURLY.STORAGE_BYTES_MAX,
                        DSL.greatest(USAGE_HOURLY.STORAGE_BYTES_MAX, DSL.excluded(USAGE_HOURLY.STORAGE_BYTES_MAX)))
                .set(
                        USAGE_HOURLY.CONNECTIONS_MAX,
                        DSL.greatest(USAGE_HOURLY.CONNECTIONS_MAX, DSL.excluded(USAGE_HOURLY.CONNECTIONS_MAX)))
                .set(USAGE_HOURLY.SAMPLES, USAGE_HOURLY.SAMPLES.plus(DSL.excluded(USAGE_HOURLY.SAMPLES)))
                .execute();
    }

    @Override
    public long forgetHoursBefore(Instant cutoff) {
        return session.dsl()
                .deleteFrom(USAGE_HOURLY)
                .where(USAGE_HOURLY.HOUR.lt(cutoff))
                .execute();
    }

    @Override
    public List<UsagePoint> ofDatabase(DatabaseId database, UsageRange range) {
        return points(
                        USAGE_HOURLY.DATABASE_ID.eq(database.value()),
                        USAGE_SAMPLES.DATABASE_ID.eq(database.value()),
                        range)
                .fetch(JooqUsageHistory::point);
    }

    @Override
    public List<UsagePoint> ofTeam(TeamSlug team, UsageRange range) {
        var owned = DSL.select(DATABASES.ID).from(DATABASES).where(DATABASES.OWNER_TEAM.eq(team.value()));
        return points(USAGE_HOURLY.DATABASE_ID.in(owned), USAGE_SAMPLES.DATABASE_ID.in(owned), range)
                .fetch(JooqUsageHistory::point);
    }

    /**
     * The series: the hourly rows and the samples not folded yet (by hour) of the range, summed per database and
     * point (the average is the sum of the samples over their count, so a point of many hours weighs each sample
     * once), then per point over the databases.
     */
    ResultQuery<Record6<Instant, BigDecimal, BigDecimal, Integer, BigDecimal, Integer>> points(
            Condition hourlyOfWhom, Condition samplesOfWhom, UsageRange range) {
        Field<Instant> sampleHour = hourOf(USAGE_SAMPLES.SAMPLED_AT);
        Table<?> hours = DSL.select(
                        USAGE_HOURLY.DATABASE_ID.as(DATABASE_ID),
                        USAGE_HOURLY.HOUR.as(HOUR),
                        USAGE_HOURLY.STORAGE_BYTES_SUM.as(BYTES_SUM),
                        USAGE_HOURLY.STORAGE_BYTES_MAX.as(BYTES_MAX),
                        USAGE_HOURLY.CONNECTIONS_MAX.as(CONNECTIONS),
                        USAGE_HOURLY.SAMPLES.cast(SQLDataType.BIGINT).as(SAMPLES))
                .from(USAGE_HOURLY)
                .where(hourlyOfWhom)
                .and(USAGE_HOURLY.HOUR.ge(range.from()))
                .and(USAGE_HOURLY.HOUR.lt(range.to()))
                .unionAll(DSL.select(
                                USAGE_SAMPLES.DATABASE_ID,
                                sampleHour,
                                DSL.sum(USAGE_SAMPLES.STORAGE_BYTES).cast(SQLDataType.BIGINT),
                                DSL.max(USAGE_SAMPLES.STORAGE_BYTES),
                                DSL.max(USAGE_SAMPLES.CONNECTIONS),
                                DSL.count().cast(SQLDataType.BIGINT))
                        .from(USAGE_SAMPLES)
                        .where(samplesOfWhom)
                        .and(USAGE_SAMPLES.SAMPLED_AT.ge(range.from()))
                        .and(USAGE_SAMPLES.SAMPLED_AT.lt(range.to()))
                        .groupBy(USAGE_SAMPLES.DATABASE_ID, sampleHour))
                .asTable("hours");
        Field<Instant> point = pointOf(hours.field(HOUR, Instant.class), range).as(POINT);
        Table<?> perDatabase = DSL.select(
                        hours.field(DATABASE_ID),
                        point,
                        DSL.sum(hours.field(BYTES_SUM, Long.class)).as(BYTES_SUM),
                        DSL.max(hours.field(BYTES_MAX, Long.class)).as(BYTES_MAX),
                        DSL.max(hours.field(CONNECTIONS, Integer.class)).as(CONNECTIONS),
                        DSL.sum(hours.field(SAMPLES, Long.class)).as(SAMPLES))
                .from(hours)
                .groupBy(hours.field(DATABASE_ID), DSL.field(DSL.name(POINT)))
                .asTable("per_database");
        Field<Instant> pointOfDatabase = perDatabase.field(POINT, Instant.class);
        Field<BigDecimal> samples = perDatabase.field(SAMPLES, BigDecimal.class);
        return session.dsl()
                .select(
                        pointOfDatabase,
                        DSL.sum(DSL.round(
                                perDatabase.field(BYTES_SUM, BigDecimal.class).div(samples))),
                        DSL.sum(perDatabase.field(BYTES_MAX, Long.class)),
                        DSL.sum(perDatabase.field(CONNECTIONS, Integer.class)).cast(SQLDataType.INTEGER),
                        DSL.sum(samples),
                        DSL.count())
                .from(perDatabase)
                .groupBy(pointOfDatabase)
                .orderBy(pointOfDatabase);
    }

    private static UsagePoint point(Record6<Instant, BigDecimal, BigDecimal, Integer, BigDecimal, Integer> row) {
        return new UsagePoint(
                row.value1(),
                row.value2().longValueExact(),
                row.value3().longValueExact(),
                row.value4(),
                row.value5().longValueExact(),
                row.value6());
    }

    /** The point an hour belongs to, in UTC whatever the session's time zone. */
    private static Field<Instant> pointOf(Field<Instant> hour, UsageRange range) {
        return DSL.field(
                "date_trunc({0}, {1}, {2})",
                USAGE_HOURLY.HOUR.getDataType(), DSL.inline(range.granularity().wireName()), hour, DSL.inline(UTC));
    }

    private static Field<Instant> hourOf(Field<Instant> instant) {
        return DSL.field("date_trunc('hour', {0}, {1})", USAGE_HOURLY.HOUR.getDataType(), instant, DSL.inline(UTC));
    }
}
