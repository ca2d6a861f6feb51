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
 * Deletion that can be undone: a database deleted before it was dropped from its cluster, so it becomes purged; the
 * new statuses and columns; and the rollback, which gives back the schema of before with the data.
 */
class DeletionMigrationTest {
    private static final String FIRST_CHANGESET = "0050-databases-deletion-columns";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void databasesDeletedBeforeArePurgedAndTheRollbackRestoresTheSchemaOfBefore() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_deletion"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(FIRST_CHANGESET);
        migrator.up();
        migrator.down(ours);
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout');
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, deleted_at)
                VALUES (gen_random_uuid(), 'orders', 'checkout_orders', 'checkout', 'dropped', 'deleted', now()),
                       (gen_random_uuid(), 'carts', 'checkout_carts', 'checkout', 'live', 'ready', NULL)""");

        migrator.up();

        assertThat(rows(
                        dataSource,
                        "SELECT name || '|' || status || '|' || deletion_protection FROM daap.databases"
                                + " ORDER BY name"))
                .containsExactly("carts|ready|false", "orders|purged|false");
        execute(
                dataSource,
                "UPDATE daap.databases SET status = 'deleted', deleted_at = now(),"
                        + " restorable_until = now() + interval '7 days' WHERE name = 'carts'");
        assertThatThrownBy(() ->
                        execute(dataSource, "UPDATE daap.databases SET status = 'restoring' WHERE name = 'carts'"))
                .as("a restoring database is live: no deleted_at, no restorable_until")
                .hasMessageContaining("databases_deleted_status");
        execute(
                dataSource,
                "UPDATE daap.databases SET status = 'restoring', deleted_at = NULL, restorable_until = NULL"
                        + " WHERE name = 'carts'");

        migrator.down(ours);

        assertThat(migrator.status().pending()).hasSize(ours).first().isEqualTo(FIRST_CHANGESET);
        assertThat(rows(dataSource, "SELECT name || '|' || status FROM daap.databases ORDER BY name"))
                .containsExactly("carts|ready", "orders|deleted");
        assertThat(rows(
                        dataSource,
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'daap'"
                                + " AND table_name = 'databases' AND column_name IN ('deletion_protection',"
                                + " 'restorable_until')"))
                .isEmpty();
        assertThatThrownBy(() ->
                        execute(dataSource, "UPDATE daap.databases SET status = 'restoring' WHERE name = 'carts'"))
                .as("the statuses of before only")
                .hasMessageContaining("databases_status_known");
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
