package dev.daap.adapters.postgres.database;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.LabelSelector;
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
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, labels,
                                            created_at, updated_at)
                SELECT gen_random_uuid(), 'plan-db-' || n, 'plan-db-' || n, 'plan-team-' || (n % 100),
                       'Stores ' || md5(n::text) || ' for service ' || (n % 977),
                       CASE WHEN n % 100 = 0 THEN 'failed' ELSE 'ready' END,
                       jsonb_build_object('env', CASE WHEN n % 1000 = 0 THEN 'prod' ELSE 'dev' END,
                                          'shard', 'shard-' || (n % 977))
                           || CASE WHEN n % 2000 = 0 THEN '{"pager": "on"}'::jsonb ELSE '{}'::jsonb END,
                       timestamp '2026-01-01' + n * interval '1 second', timestamp '2026-01-01' + n * interval '1 second'
                FROM generate_series(1, 50000) AS n""");
        // One row in a hundred deleted, restorable for a day: what lists of deleted ones and the purge sweep read.
        dsl.execute("""
                UPDATE daap.databases SET status = 'deleted', deleted_at = updated_at,
                                          restorable_until = updated_at + interval '1 day'
                WHERE name LIKE '%1' AND substr(name, length(name) - 1, 1) = '0'""");
        // A word in one purpose of eight, in every team: what a team's search for a common word finds.
        dsl.execute("""
                UPDATE daap.databases SET purpose = purpose || ' and its invoices'
                WHERE substr(md5(name), 1, 1) IN ('0', '1')""");
        // Twenty clusters, the rows spread over them: what a cluster's list reads.
        dsl.execute("""
                INSERT INTO daap.clusters (id, name, admin_host, admin_port)
                SELECT gen_random_uuid(), 'plan-cluster-' || n, 'pg.test', 5432 FROM generate_series(0, 19) AS n""");
        dsl.execute("""
                UPDATE daap.databases d SET cluster_id = c.id, cluster_name = c.name
                FROM daap.clusters c
                WHERE c.name = 'plan-cluster-' || (substr(d.name, 9)::int % 20)""");
        dsl.execute("VACUUM ANALYZE daap.databases");
        databases = new JooqDatabases(() -> dsl);
    }

    @Test
    void partialMatchUsesTheTrigramIndexes() {
        // Twelve characters of one row's md5: selective enough that no planner estimate prefers a scan. (A short
        // text such as four hex digits matches ~0.05 percent of rows, and its estimate swings with ANALYZE's sample.)
        assertThat(plan(query(Optional.empty(), Optional.empty(), Optional.of("fe7ecc4de28b"), null)))
                .contains("databases_name_trgm_idx", "databases_purpose_lower_trgm_idx")
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

    @Test
    void searchUsesTheFullTextIndex() {
        // md5('1'): one row's word, as selective as a real search for a rare term
        assertThat(plan(filtered(List.of(), Optional.of("c4ca4238a0b923820dcc509a6f75849b"), DatabaseSort.RELEVANCE)))
                .contains("databases_live_team_search_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aTeamsSearchNarrowsToTheTeamsMatchesInTheIndexItself() {
        // "invoices" is in one purpose of eight: about 60 of plan-team-7's, 6,250 in all. The team is an index
        // condition of the one GIN index (btree_gin), so no row of another team is read to be thrown away.
        var query = new DatabaseQuery(
                Optional.of(new TeamSlug("plan-team-7")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.of("invoices"),
                DatabaseSort.RELEVANCE,
                50,
                Optional.empty(),
                false,
                "");
        String plan = analyzed(query);

        assertThat(plan)
                .contains("databases_live_team_search_idx")
                .containsPattern("Index Cond: \\(\\(owner_team = [^\\n]*search_document @@")
                .doesNotContain("Seq Scan")
                .doesNotContain("Rows Removed by Filter");
    }

    @Test
    void everyTeamsListWithDeletedOnesReadsTheIndexOfAllRowsInOrder() {
        var query = new DatabaseQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                DatabaseSort.CREATED_AT,
                50,
                Optional.empty(),
                true);
        assertThat(plan(query)).contains("databases_created_idx").doesNotContain("Seq Scan");
    }

    @Test
    void aPartialMatchWithDeletedOnesUsesTheTrigramIndexesOfAllRows() {
        var query = new DatabaseQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.of("fe7ecc4de28b"),
                DatabaseSort.CREATED_AT,
                50,
                Optional.empty(),
                true);
        assertThat(plan(query))
                .contains("databases_name_trgm_idx", "databases_purpose_lower_trgm_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aLabelValueUsesTheLabelsIndex() {
        assertThat(plan(filtered(List.of(LabelSelector.parse("env:prod")), Optional.empty(), DatabaseSort.CREATED_AT)))
                .contains("databases_live_labels_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aLabelKeyUsesTheLabelsIndex() {
        assertThat(plan(filtered(List.of(LabelSelector.parse("pager")), Optional.empty(), DatabaseSort.CREATED_AT)))
                .contains("databases_live_labels_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aNameUsesAnIndexOnNames() {
        var query = new DatabaseQuery(
                Optional.of(new TeamSlug("plan-team-7")),
                Optional.empty(),
                Optional.empty(),
                Optional.of(new DatabaseName("plan-db-407")),
                List.of(),
                Optional.empty(),
                DatabaseSort.CREATED_AT,
                50,
                Optional.empty(),
                false,
                "");
        // Names are unique per team since the fleet (databases_live_team_name_key); the index on (name, id) or on
        // (owner_team, name, id) finds the row as well, and the planner picks among them by cost
        assertThat(plan(query))
                .containsAnyOf(
                        "databases_live_team_name_key", "databases_live_team_name_idx", "databases_live_name_idx")
                .doesNotContain("Seq Scan");
    }

    @Test
    void aDeepPageOfASearchStartsAfterItsRankStillThroughTheIndex() {
        var cursor = new DatabaseCursor(DatabaseSort.RELEVANCE, "0.06", new DatabaseId(UUID.randomUUID()), "");
        var query = filtered(List.of(), Optional.of("c4ca4238a0b923820dcc509a6f75849b"), DatabaseSort.RELEVANCE)
                .startingAfter(cursor);
        assertThat(plan(query)).contains("databases_live_team_search_idx").doesNotContain("Seq Scan");
    }

    @Test
    void aLabelAmongTheDeletedOnesIsReadFromTheIndexOfRemovedRows() {
        // The labels index holds live rows only; the deleted ones are few, and their own index finds them.
        var query = new DatabaseQuery(
                Optional.empty(),
                Optional.of(DatabaseStatus.DELETED),
                Optional.empty(),
                Optional.empty(),
                List.of(LabelSelector.parse("env:prod")),
                Optional.empty(),
                DatabaseSort.CREATED_AT,
                50,
                Optional.empty(),
                false,
                "");
        assertThat(plan(query)).contains("databases_removed_status_created_idx").doesNotContain("Seq Scan");
    }

    @Test
    void aTeamsSearchWithDeletedOnesUsesTheTeamIndexOfAllRows() {
        // The full-text index holds live rows only; a team's rows, live or not, come from the team index.
        var query = new DatabaseQuery(
                Optional.of(new TeamSlug("plan-team-7")),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.of("service"),
                DatabaseSort.RELEVANCE,
                50,
                Optional.empty(),
                true,
                "");
        assertThat(plan(query)).contains("databases_team_created_idx").doesNotContain("Seq Scan");
    }

    private static DatabaseQuery filtered(List<LabelSelector> labels, Optional<String> search, DatabaseSort sort) {
        return new DatabaseQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                labels,
                search,
                sort,
                50,
                Optional.empty(),
                false,
                "");
    }

    @Test
    void aClustersListReadsItsIndexInTheListsOrder() {
        var query = new DatabaseQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                Optional.empty(),
                DatabaseSort.CREATED_AT,
                50,
                Optional.empty(),
                false,
                "",
                Optional.of(new ClusterName("plan-cluster-7")));

        assertThat(plan(query))
                .contains("databases_live_cluster_created_idx")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    private static DatabaseQuery query(
            Optional<TeamSlug> team, Optional<DatabaseStatus> status, Optional<String> text, DatabaseCursor after) {
        return new DatabaseQuery(team, status, text, DatabaseSort.CREATED_AT, 50, Optional.ofNullable(after));
    }

    private String plan(DatabaseQuery query) {
        return dsl.explain(databases.page.query(dsl, query)).plan();
    }

    /** The plan as run, with what each node read and removed. */
    private String analyzed(DatabaseQuery query) {
        var select = databases.page.query(dsl, query);
        return dsl
                .fetch("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + select.getSQL(org.jooq.conf.ParamType.INLINED))
                .getValues(0, String.class)
                .stream()
                .collect(java.util.stream.Collectors.joining("\n"));
    }
}
