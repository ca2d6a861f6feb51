package dev.daap.adapters.postgres.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
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
 * Every filter the list offers is served by an index on a table too large for a sequential scan to win:
 * 50,000 rows across 100 teams, committed and vacuumed in a database of this class's own (GIN indexes keep
 * uncommitted entries in a pending list, so a rolled-back load would not show the real plans).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class DatabaseQueryPlanTest {
    private DSLContext dsl;
    private JooqDatabases databases;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("query_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("""
                INSERT INTO daap.teams (slug, display_name)
                SELECT 'plan-team-' || n, 'Plan team ' || n FROM generate_series(0, 99) AS n""");
        dsl.execute("""
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,
                                            updated_at)
                SELECT gen_random_uuid(), 'plan-db-' || n, 'plan-db-' || n, 'plan-team-' || (n % 100),
                       'Stores ' || md5(n::text) || ' for service ' || (n % 977),
                       CASE WHEN n % 100 = 0 THEN 'failed' ELSE 'ready' END,
                       timestamp '2026-01-01' + n * interval '1 second', timestamp '2026-01-01' + n * interval '1 second'
                FROM generate_series(1, 50000) AS n""");
        // One row in a hundred deleted, restorable for a day: what lists of deleted ones and the purge sweep read.
        dsl.execute("""
                UPDATE daap.databases SET status = 'deleted', deleted_at = updated_at,
                                          restorable_until = updated_at + interval '1 day'
                WHERE name LIKE '%1' AND substr(name, length(name) - 1, 1) = '0'""");
        dsl.execute("VACUUM ANALYZE daap.databases");
        databases = new JooqDatabases(() -> dsl);
    }

    @Test
    void partialMatchUsesTheTrigramIndexes() {
        // Twelve characters of one row's md5: selective enough that no planner estimate prefers a scan. (A short
        // text such as four hex digits matches ~0.05 percent of rows, and its estimate swings with ANALYZE's sample.)
        assertThat(plan(query(Optional.empty(), Optional.empty(), Optional.of("fe7ecc4de28b"), null)))
                .contains("databases_live_name_trgm_idx", "databases_live_purpose_lower_trgm_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void ownerTeamUsesItsIndex() {
        assertThat(plan(query(Optional.of(new TeamSlug("plan-team-7")), Optional.empty(), Optional.empty(), null)))
                .contains("databases_live_team_created_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void statusUsesItsIndex() {
        assertThat(plan(query(Optional.empty(), Optional.of(DatabaseStatus.FAILED), Optional.empty(), null)))
                .contains("databases_live_status_created_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void deletedOnesAreListedByTheirStatusFromTheIndexOfRemovedRows() {
        assertThat(plan(query(Optional.empty(), Optional.of(DatabaseStatus.DELETED), Optional.empty(), null)))
                .contains("databases_removed_status_created_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aTeamsListWithDeletedOnesUsesTheTeamIndexOfAllRows() {
        var query = new DatabaseQuery(
                Optional.of(new TeamSlug("plan-team-7")),
                Optional.empty(),
                Optional.empty(),
                DatabaseSort.CREATED_AT,
                50,
                Optional.empty(),
                true);
        assertThat(plan(query)).contains("databases_team_created_idx").doesNotContain("Seq Scan");
    }

    @Test
    void thePurgeSweepReadsTheDeletedRowsPastTheirWindowFromItsIndex() {
        String plan = dsl.explain(JooqDatabases.dueForPurge(dsl, Instant.parse("2026-01-01T06:00:00Z"), 100))
                .plan();
        assertThat(plan).contains("databases_purge_due_idx").doesNotContain("Seq Scan");
    }

    @Test
    void aDeepPageStartsAtItsKeyInsteadOfSkippingRows() {
        var cursor = new DatabaseCursor(
                DatabaseSort.CREATED_AT,
                Instant.parse("2026-01-01T10:00:00Z").toString(),
                new DatabaseId(UUID.randomUUID()));
        String plan = plan(query(Optional.empty(), Optional.empty(), Optional.empty(), cursor));
        assertThat(plan).contains("databases_live_created_idx").doesNotContain("Seq Scan");
    }

    @Test
    void sortingByNameUsesTheNameIndex() {
        var query = new DatabaseQuery(
                Optional.empty(), Optional.empty(), Optional.empty(), DatabaseSort.NAME, 50, Optional.empty());
        assertThat(plan(query)).contains("databases_live_name_idx").doesNotContain("Seq Scan");
    }

    private static DatabaseQuery query(
            Optional<TeamSlug> team, Optional<DatabaseStatus> status, Optional<String> text, DatabaseCursor after) {
        return new DatabaseQuery(team, status, text, DatabaseSort.CREATED_AT, 50, Optional.ofNullable(after));
    }

    private String plan(DatabaseQuery query) {
        return dsl.explain(databases.page.query(dsl, query)).plan();
    }
}
