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
 * The upgrade to access levels and users: every ready database gets a set_up_access job and every database not
 * purged its first owner user; the new kinds and types are allowed; the rollback gives back the schema of before,
 * with its data.
 */
class UsersMigrationTest {
    private static final String FIRST_CHANGESET = "0120-jobs-kind-set-up-access";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void readyDatabasesGetTheirGroupsAndFirstOwnerAndTheRollbackRestoresTheSchemaOfBefore() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_users"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(FIRST_CHANGESET);
        migrator.up();
        migrator.down(ours);
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout');
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, deleted_at)
                VALUES (gen_random_uuid(), 'orders', 'checkout_orders', 'checkout', 'live', 'ready', NULL),
                       (gen_random_uuid(), 'carts', 'checkout_carts', 'checkout', 'waiting', 'pending', NULL),
                       (gen_random_uuid(), 'gone', 'checkout_gone', 'checkout', 'dropped', 'purged', now())""");

        migrator.up();

        assertThat(rows(
                        dataSource,
                        "SELECT d.name || '|' || j.kind || '|' || j.state FROM daap.jobs j"
                                + " JOIN daap.databases d ON d.id = j.database_id ORDER BY d.name"))
                .containsExactly("orders|set_up_access|scheduled");
        assertThat(
                        rows(
                                dataSource,
                                "SELECT d.name || '|' || u.name || '|' || u.access || '|' || u.first_owner"
                                        + " FROM daap.database_users u JOIN daap.databases d ON d.id = u.database_id ORDER BY d.name"))
                .containsExactly("carts|owner|owner|true", "orders|owner|owner|true");
        execute(
                dataSource,
                "INSERT INTO daap.events (occurred_at, team, type, resource_id, payload)"
                        + " VALUES (now(), 'checkout', 'user.created', gen_random_uuid(), '{}')");
        assertThatThrownBy(() -> execute(
                        dataSource,
                        "INSERT INTO daap.database_users (id, database_id, name, access,"
                                + " status, current_slot, current_since) SELECT gen_random_uuid(), id, 'owner', 'read_only',"
                                + " 'ready', 'a', now() FROM daap.databases WHERE name = 'orders'"))
                .as("one live user per name")
                .hasMessageContaining("database_users_live_name");

        migrator.down(ours);

        assertThat(migrator.status().pending()).hasSize(ours).first().isEqualTo(FIRST_CHANGESET);
        assertThat(rows(dataSource, "SELECT name || '|' || status FROM daap.databases ORDER BY name"))
                .containsExactly("carts|pending", "gone|purged", "orders|ready");
        assertThat(rows(dataSource, "SELECT count(*)::text FROM daap.jobs")).containsExactly("0");
        assertThat(rows(
                        dataSource,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'daap'"
                                + " AND table_name IN ('database_users', 'user_credentials')"))
                .isEmpty();
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
