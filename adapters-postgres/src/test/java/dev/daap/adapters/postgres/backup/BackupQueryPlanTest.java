package dev.daap.adapters.postgres.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupQuery;
import dev.daap.domain.database.DatabaseId;
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
 * A page of a database's backups is read from backups_live_database_idx in the list's order, from the page's
 * position, on a table too large for a scan to win: 1,000 databases with 50 backups each, committed and analysed in
 * a database of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class BackupQueryPlanTest {
    private DSLContext dsl;
    private DatabaseId database;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("backup_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('plan-team', 'Plan team')");
        dsl.execute("""
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, created_at,
                                            updated_at, version)
                SELECT gen_random_uuid(), 'plan-db-' || n, 'plan-db-' || n, 'plan-team', 'Plan ' || n, 'ready',
                       now(), now(), 1
                FROM generate_series(1, 1000) AS n""");
        dsl.execute("""
                INSERT INTO daap.backups (id, database_id, owner_team, cluster_id, cluster_name, status, operation_id,
                                          created_at, updated_at)
                SELECT gen_random_uuid(), d.id, 'plan-team', gen_random_uuid(), 'default', 'creating',
                       gen_random_uuid(), now() - b * interval '1 hour', now()
                FROM daap.databases d CROSS JOIN generate_series(1, 50) AS b""");
        dsl.execute("VACUUM ANALYZE daap.backups");
        database = new DatabaseId((UUID) dsl.fetchValue("SELECT id FROM daap.databases WHERE name = 'plan-db-500'"));
    }

    @Test
    void theFirstPageReadsTheIndexInTheListsOrder() {
        String plan = dsl.explain(JooqBackups.select(dsl, BackupQuery.first(database, 10)))
                .plan();

        assertThat(plan)
                .contains("backups_live_database_idx")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    @Test
    void aLaterPageStartsAtItsPosition() {
        var position = new BackupQuery.Position(Instant.now().minusSeconds(20 * 3600), new BackupId(UUID.randomUUID()));
        String plan = dsl.explain(JooqBackups.select(dsl, new BackupQuery(database, 10, Optional.of(position))))
                .plan();

        assertThat(plan)
                .contains("backups_live_database_idx")
                .containsPattern("Index Cond: \\(\\(database_id = [^)]*\\) AND \\(ROW\\(created_at, id\\) < ")
                .doesNotContain("Seq Scan");
    }
}
