package dev.daap.adapters.postgres.cost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.cost.CostSources.StorageStretch;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A cost report's reads run on indexes, on tables too large for a scan to win: 2,000 databases of 20 teams with 25
 * revisions each over 50 days and 7 days of hourly rollups, committed and analysed in a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class CostQueryPlanTest {
    private DSLContext dsl;
    private JooqCostSources sources;
    private List<UUID> team;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("cost_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("""
                INSERT INTO daap.teams (slug, display_name)
                SELECT 'cost-team-' || n, 'Cost ' || n FROM generate_series(1, 20) AS n""");
        dsl.execute("""
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,
                                            updated_at, version)
                SELECT gen_random_uuid(), 'cost-db-' || n, 'cost-db-' || n, 'cost-team-' || (n % 20 + 1),
                       'Cost ' || n, 'ready', timestamptz '2026-10-01 00:00:00Z', now(), 25
                FROM generate_series(1, 2000) AS n""");
        dsl.execute("""
                INSERT INTO daap.database_revisions (database_id, version, changed_at, actor_kind, changes, settings)
                SELECT d.id, v, timestamptz '2026-10-15 00:00:00Z' + v * interval '2 days', 'daap',
                       jsonb_build_array(jsonb_build_object('field', 'plan', 'before', 'small', 'after', 'medium')),
                       jsonb_build_object('plan', 'medium')
                FROM daap.databases d CROSS JOIN generate_series(1, 25) AS v""");
        dsl.execute("""
                INSERT INTO daap.usage_hourly (database_id, hour, storage_bytes_sum, storage_bytes_max, samples)
                SELECT d.id, timestamptz '2026-11-24 00:00:00Z' + h * interval '1 hour', 6000000, 1000000, 6
                FROM daap.databases d CROSS JOIN generate_series(0, 167) AS h""");
        dsl.execute("VACUUM ANALYZE daap.database_revisions");
        dsl.execute("VACUUM ANALYZE daap.usage_hourly");
        dsl.execute("VACUUM ANALYZE daap.databases");
        team = dsl.fetch("SELECT id FROM daap.databases WHERE owner_team = 'cost-team-7'")
                .map(row -> row.get(0, UUID.class));
        sources = new JooqCostSources(() -> dsl);
    }

    @Test
    void aTeamsPlanChangesReadItsDatabasesAndTheirRevisionsOnIndexes() {
        String plan = dsl.explain(sources.planChanges(
                        Optional.of(new TeamSlug("cost-team-7")), Instant.parse("2026-12-01T00:00:00Z")))
                .plan();

        // Either each of the team's databases' revisions by the primary key, or the month's revisions by time
        // joined with the team's databases: whichever the planner finds fewer rows in, never all revisions.
        assertThat(plan)
                .containsPattern("database_revisions_(pkey|changed_at_idx)")
                .contains("databases_team_created_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void everyTeamsPlanChangesReadTheRevisionsByTime() {
        String plan = dsl.explain(sources.planChanges(Optional.empty(), Instant.parse("2026-12-01T00:00:00Z")))
                .plan();

        assertThat(plan).contains("database_revisions_changed_at_idx").doesNotContain("Seq Scan on database_revisions");
    }

    @Test
    void theStorageOfTheStretchesReadsTheirHoursOnly() {
        List<StorageStretch> stretches = team.stream()
                .map(id -> new StorageStretch(
                        new DatabaseId(id),
                        Instant.parse("2026-11-30T00:00:00Z"),
                        Instant.parse("2026-12-01T00:00:00Z"),
                        5_000_000L))
                .toList();

        String plan = dsl.explain(sources.storage(stretches)).plan();

        assertThat(plan).contains("usage_hourly_pkey").doesNotContain("Seq Scan on usage_hourly");
    }
}
