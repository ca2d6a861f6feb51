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
 * An installation from before the fleet has databases: migrating keeps their names as their names on the cluster
 * and leaves them for start-up to place on the default cluster; names become unique per team; and the rollback
 * gives back the schema of before, with the data.
 */
class ClustersMigrationTest {
    private static final String FIRST_FLEET_CHANGESET = "0035-clusters-table";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void databasesFromBeforeKeepTheirNamesAndTheRollbackRestoresTheSchemaOfBefore() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_clusters"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        // From the fleet's first changeset on, the later ones (the fleet's health, …) included: they build on it.
        int fromTheFleetOn = changesets.size() - changesets.indexOf(FIRST_FLEET_CHANGESET);
        migrator.up();
        migrator.down(fromTheFleetOn);
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout'), ('search', 'Search');
                INSERT INTO daap.databases (id, name, owner_team, purpose, status, host, port, database_name, username)
                VALUES (gen_random_uuid(), 'orders', 'checkout', 'old', 'ready', '10.0.0.1', 5432, 'orders', 'orders'),
                       (gen_random_uuid(), 'carts-eu', 'checkout', 'old', 'failed', NULL, NULL, NULL, NULL)""");

        migrator.up();

        assertThat(rows(
                        dataSource,
                        "SELECT name || '|' || name_on_cluster || '|' || (cluster_id IS NULL)"
                                + " FROM daap.databases ORDER BY name"))
                .containsExactly("carts-eu|carts-eu|true", "orders|orders|true");
        execute(dataSource, """
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose)
                VALUES (gen_random_uuid(), 'orders', 'search_orders', 'search', 'another team, the same name')""");
        assertThatThrownBy(() -> execute(dataSource, """
                        INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose)
                        VALUES (gen_random_uuid(), 'orders', 'checkout_orders', 'checkout', 'twice in one team')""")).hasMessageContaining("databases_live_team_name_key");
        execute(dataSource, "DELETE FROM daap.databases WHERE owner_team = 'search'");

        migrator.down(fromTheFleetOn);

        assertThat(migrator.status().pending()).hasSize(fromTheFleetOn).first().isEqualTo(FIRST_FLEET_CHANGESET);
        assertThat(rows(dataSource, "SELECT name FROM daap.databases ORDER BY name"))
                .containsExactly("carts-eu", "orders");
        assertThat(rows(
                        dataSource,
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'daap'"
                                + " AND table_name = 'databases' AND column_name IN ('cluster_id', 'name_on_cluster')"))
                .isEmpty();
        assertThat(rows(dataSource, "SELECT to_regclass('daap.clusters')::text"))
                .containsExactly((String) null);
        assertThatThrownBy(() -> execute(dataSource, """
                        INSERT INTO daap.databases (id, name, owner_team, purpose)
                        VALUES (gen_random_uuid(), 'orders', 'search', 'unique across teams again')""")).hasMessageContaining("databases_live_name_key");
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
