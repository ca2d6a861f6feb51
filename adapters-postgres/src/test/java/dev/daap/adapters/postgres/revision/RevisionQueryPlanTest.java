package dev.daap.adapters.postgres.revision;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.revision.RevisionQuery;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * A database's revisions are read from the primary key, backwards from the page's position, on a table too large
 * for a scan to win: 2,000 databases with 25 revisions each, committed and analysed in a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class RevisionQueryPlanTest {
    private DSLContext dsl;
    private JooqRevisions revisions;
    private DatabaseId database;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("revision_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('plan-team', 'Plan team')");
        dsl.execute("""
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,
                                            updated_at, version)
                SELECT gen_random_uuid(), 'plan-db-' || n, 'plan-db-' || n, 'plan-team', 'Plan ' || n, 'ready',
                       now(), now(), 25
                FROM generate_series(1, 2000) AS n""");
        dsl.execute("""
                INSERT INTO daap.database_revisions (database_id, version, changed_at, actor_kind, changes, settings)
                SELECT d.id, v, now(), 'daap',
                       jsonb_build_array(jsonb_build_object('field', 'purpose', 'before', v - 1, 'after', v)),
                       jsonb_build_object('purpose', v)
                FROM daap.databases d CROSS JOIN generate_series(1, 25) AS v""");
        dsl.execute("VACUUM ANALYZE daap.database_revisions");
        database = new DatabaseId((UUID) dsl.fetchValue("SELECT id FROM daap.databases WHERE name = 'plan-db-1000'"));
        revisions = new JooqRevisions(() -> dsl);
    }

    @Test
    void theFirstPageReadsThePrimaryKeyBackwards() {
        String plan = dsl.explain(revisions.select(new RevisionQuery(database, 10, OptionalLong.empty())))
                .plan();

        assertThat(plan)
                .contains("database_revisions_pkey")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void aLaterPageStartsAtItsPosition() {
        String plan = dsl.explain(revisions.select(new RevisionQuery(database, 10, OptionalLong.of(12))))
                .plan();

        // The position is part of the index condition; the eleven rows left may be sorted rather than read
        // backwards, as the planner likes.
        assertThat(plan)
                .contains("database_revisions_pkey")
                .containsPattern("Index Cond: \\(\\(database_id = [^)]*\\) AND \\(version < ")
                .doesNotContain("Seq Scan");
    }
}
