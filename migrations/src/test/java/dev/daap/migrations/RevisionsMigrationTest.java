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
 * Revisions: a database from before them gets one, its settings as they are, by DAAP; the table refuses changes;
 * and the rollback gives back the schema of before with the databases untouched.
 */
class RevisionsMigrationTest {
    private static final String FIRST_CHANGESET = "0090-database-revisions-table";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void existingDatabasesGetTheirStateAsAFirstRevisionAndTheRollbackRemovesTheTable() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_revisions"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(FIRST_CHANGESET);
        migrator.up();
        migrator.down(ours);
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout');
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, labels,
                                            deletion_protection, version, created_at, updated_at, deleted_at)
                VALUES ('019ab3c4-0000-7000-8000-000000000001', 'orders', 'checkout_orders', 'checkout', 'Orders',
                        'ready', '{"env": "prod"}', true, 4, '2026-11-01T10:00:00Z', '2026-12-01T10:00:00Z', NULL),
                       ('019ab3c4-0000-7000-8000-000000000002', 'carts', 'checkout_carts', 'checkout', 'Carts',
                        'purged', '{}', false, 9, '2026-11-01T10:00:00Z', '2026-12-02T10:00:00Z',
                        '2026-12-02T10:00:00Z')""");

        migrator.up();

        assertThat(rows(dataSource, """
                        SELECT d.name || '|' || r.version || '|' || r.actor_kind || '|' || r.changed_at::date || '|'
                               || (r.settings ->> 'purpose') || '|' || (r.settings -> 'labels')::text || '|'
                               || (r.settings ->> 'deletion_protection') || '|' || jsonb_array_length(r.changes)
                               || '|' || (r.changes -> 0 ->> 'field') || '|' || (r.changes -> 0 -> 'before')::text
                        FROM daap.database_revisions r JOIN daap.databases d ON d.id = r.database_id
                        ORDER BY d.name"""))
                .containsExactly(
                        "carts|9|daap|2026-12-02|Carts|{}|false|5|name|null",
                        "orders|4|daap|2026-12-01|Orders|{\"env\": \"prod\"}|true|5|name|null");
        assertThatThrownBy(() -> execute(dataSource, "DELETE FROM daap.database_revisions"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> execute(dataSource, "DELETE FROM daap.databases WHERE name = 'carts'"))
                .as("a database keeps its history: it cannot be removed under it")
                .hasMessageContaining("database_revisions_database_id_fkey");

        migrator.down(ours);

        assertThat(migrator.status().pending()).hasSize(ours).first().isEqualTo(FIRST_CHANGESET);
        assertThat(rows(dataSource, "SELECT to_regclass('daap.database_revisions')::text"))
                .containsExactly((String) null);
        assertThat(rows(dataSource, "SELECT name || '|' || version FROM daap.databases ORDER BY name"))
                .containsExactly("carts|9", "orders|4");
        migrator.up();
        assertThat(rows(dataSource, "SELECT count(*)::text FROM daap.database_revisions"))
                .containsExactly("2");
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
