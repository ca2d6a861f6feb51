package dev.daap.adapters.postgres.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.usage.Granularity;
import dev.daap.domain.usage.UsageRange;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every filter of the usage tables runs on an index, on tables too large for a scan to win: 2,000 databases of 20
 * teams with 7 days of hourly rows each (336,000 rows) and an hour of samples, committed and analysed in a database
 * of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class UsageQueryPlanTest {
    private static final Instant NOW = Instant.parse("2026-12-08T00:30:00Z");
    private DSLContext dsl;
    private JooqUsageHistory history;
    private UUID database;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("usage_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("""
                INSERT INTO daap.teams (slug, display_name)
                SELECT 'usage-team-' || n, 'Usage ' || n FROM generate_series(1, 20) AS n""");
        dsl.execute("""
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,
                                            updated_at, version)
                SELECT gen_random_uuid(), 'usage-db-' || n, 'usage-db-' || n, 'usage-team-' || (n % 20 + 1),
                       'Usage ' || n, 'ready', now(), now(), 1
                FROM generate_series(1, 2000) AS n""");
        dsl.execute("""
                INSERT INTO daap.usage_hourly (database_id, hour, storage_bytes_sum, storage_bytes_max,
                                               connections_max, samples)
                SELECT d.id, timestamptz '2026-12-01 00:00:00Z' + h * interval '1 hour', 6000000, 1000000, 3, 6
                FROM daap.databases d CROSS JOIN generate_series(0, 167) AS h""");
        dsl.execute("""
                INSERT INTO daap.usage_samples (database_id, sampled_at, storage_bytes, connections)
                SELECT d.id, timestamptz '2026-12-08 00:00:00Z' + m * interval '10 minutes', 1000000, 2
                FROM daap.databases d CROSS JOIN generate_series(0, 5) AS m""");
        dsl.execute("VACUUM ANALYZE daap.usage_hourly");
        dsl.execute("VACUUM ANALYZE daap.usage_samples");
        dsl.execute("VACUUM ANALYZE daap.databases");
        database = (UUID) dsl.fetchValue("SELECT id FROM daap.databases WHERE name = 'usage-db-1000'");
        history = new JooqUsageHistory(() -> dsl);
    }

    @Test
    void aDatabasesSeriesReadsBothPrimaryKeys() {
        String plan = dsl.explain(history.points(
                        dev.daap.adapters.postgres.generated.Tables.USAGE_HOURLY.DATABASE_ID.eq(database),
                        dev.daap.adapters.postgres.generated.Tables.USAGE_SAMPLES.DATABASE_ID.eq(database),
                        UsageRange.last(java.time.Duration.ofDays(1), NOW, Granularity.HOUR)))
                .plan();

        assertThat(plan).contains("usage_hourly_pkey", "usage_samples_pkey").doesNotContain("Seq Scan");
    }

    /** Two days of the seven stored: a team's days are a small part of the table, as in a year of history. */
    @Test
    void aTeamsSeriesReadsItsDatabasesThenTheirRows() {
        var owned = dsl.select(dev.daap.adapters.postgres.generated.Tables.DATABASES.ID)
                .from(dev.daap.adapters.postgres.generated.Tables.DATABASES)
                .where(dev.daap.adapters.postgres.generated.Tables.DATABASES.OWNER_TEAM.eq("usage-team-7"));
        String plan = dsl.explain(history.points(
                        dev.daap.adapters.postgres.generated.Tables.USAGE_HOURLY.DATABASE_ID.in(owned),
                        dev.daap.adapters.postgres.generated.Tables.USAGE_SAMPLES.DATABASE_ID.in(owned),
                        UsageRange.last(java.time.Duration.ofDays(2), NOW, Granularity.DAY)))
                .plan();

        // The samples hold about an hour of the fleet (the rollup folds the rest): the planner may scan them
        // rather than look up each of the team's databases; the hourly rows, a year of them, it may not.
        assertThat(plan).containsPattern("usage_hourly_(pkey|hour_idx)").doesNotContain("Seq Scan on usage_hourly");
    }

    @Test
    void theFoldAndTheRetentionFindTheirRowsByTime() {
        String fold = dsl.explain(dsl.deleteFrom(dev.daap.adapters.postgres.generated.Tables.USAGE_SAMPLES)
                        .where(dev.daap.adapters.postgres.generated.Tables.USAGE_SAMPLES.SAMPLED_AT.lt(
                                Instant.parse("2026-12-08T00:00:00Z"))))
                .plan();
        String retention = dsl.explain(dsl.deleteFrom(dev.daap.adapters.postgres.generated.Tables.USAGE_HOURLY)
                        .where(dev.daap.adapters.postgres.generated.Tables.USAGE_HOURLY.HOUR.lt(
                                Instant.parse("2026-12-01T01:00:00Z"))))
                .plan();

        assertThat(fold).contains("usage_samples_sampled_at_idx").doesNotContain("Seq Scan");
        assertThat(retention).contains("usage_hourly_hour_idx").doesNotContain("Seq Scan");
    }
}
