package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The move's changesets (daap:0240-0242): a {@code moving} status, the {@code move} job kind and the moves' table;
 * their rollback leaves a database caught moving {@code failed} (its data is still on its cluster), drops its move
 * job and the table, and migrating again brings them back.
 */
class MoveMigrationTest {
    private static final String FIRST_CHANGESET = "0240-databases-status-moving";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void theRollbackFailsAMovingDatabaseDropsItsMoveAndMigratingAgainTakesMovesAgain() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_moves"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(FIRST_CHANGESET);
        migrator.up();
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout');
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status)
                VALUES ('00000000-0000-7000-8000-000000000001', 'orders', 'checkout_orders', 'checkout', 'p', 'moving');
                INSERT INTO daap.jobs (id, kind, database_id, state, max_attempts, run_at)
                VALUES ('00000000-0000-7000-8000-0000000000aa', 'move', '00000000-0000-7000-8000-000000000001',
                        'scheduled', 3, now());
                INSERT INTO daap.database_moves (operation_id, database_id, from_cluster_id, from_cluster_name,
                                                 to_cluster_id, to_cluster_name, name_on_target, left_behind_id)
                VALUES ('00000000-0000-7000-8000-0000000000aa', '00000000-0000-7000-8000-000000000001',
                        gen_random_uuid(), 'a', gen_random_uuid(), 'b', 'checkout_orders', gen_random_uuid())""");

        migrator.down(ours);

        assertThat(rows(dataSource, "SELECT status || ': ' || failure_reason FROM daap.databases"))
                .containsExactly("failed: its move was undone by a schema rollback");
        assertThat(rows(dataSource, "SELECT kind FROM daap.jobs")).isEmpty();
        assertThat(rows(dataSource, "SELECT to_regclass('daap.database_moves')::text"))
                .containsOnlyNulls();
        assertThatThrownBy(() -> execute(dataSource, "UPDATE daap.databases SET status = 'moving'"))
                .hasMessageContaining("databases_status_known");

        migrator.up();
        execute(dataSource, "UPDATE daap.databases SET status = 'moving'");
        assertThat(rows(dataSource, "SELECT count(*)::text FROM daap.database_moves"))
                .containsExactly("0");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(DataSource dataSource, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
