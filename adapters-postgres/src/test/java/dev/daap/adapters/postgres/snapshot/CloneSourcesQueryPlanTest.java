package dev.daap.adapters.postgres.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.database.DatabaseId;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The clones of a database are found through the index on their source, not by reading every clone: 4,000
 * databases of which 3,000 are clones of 1,000 sources, three each, committed and analysed in a database of its
 * own (with a hundred sources, 39 clones each, a scan of the 30 pages was as cheap as the index).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class CloneSourcesQueryPlanTest {
    private DSLContext dsl;
    private JooqSnapshots snapshots;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("clone_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('plan-team', 'Plan team')");
        dsl.execute("""
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,
                                            updated_at)
                SELECT gen_random_uuid(), 'plan-db-' || n, 'plan-db-' || n, 'plan-team', 'Plan ' || n, 'ready',
                       now(), now()
                FROM generate_series(1, 4000) AS n""");
        dsl.execute("""
                INSERT INTO daap.clone_sources (database_id, source_database_id)
                SELECT clone.id, source.id
                FROM daap.databases clone
                JOIN daap.databases source
                  ON source.name = 'plan-db-' || (substr(clone.name, 9)::int % 1000 + 1)
                WHERE substr(clone.name, 9)::int > 1000""");
        dsl.execute("VACUUM ANALYZE daap.clone_sources");
        snapshots = new JooqSnapshots(() -> dsl);
    }

    @Test
    void theClonesOfADatabaseAreFoundThroughTheIndexOnTheirSource() {
        var source = new DatabaseId((UUID) dsl.fetchValue("SELECT id FROM daap.databases WHERE name = 'plan-db-42'"));

        String plan = dsl.explain(snapshots.clonesOfQuery(source)).plan();

        assertThat(plan).contains("clone_sources_source_idx").doesNotContain("Seq Scan");
        assertThat(snapshots.clonesOf(source)).hasSize(3);
    }
}
