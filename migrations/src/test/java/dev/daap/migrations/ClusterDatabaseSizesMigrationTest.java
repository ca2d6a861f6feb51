package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The probe's measured sizes: one row per cluster and name, sizes from 0, and a rollback that drops the table. */
class ClusterDatabaseSizesMigrationTest {
    private static final String CHANGESET = "0080-cluster-database-sizes";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void sizesAreKeptPerClusterAndNameAndTheRollbackDropsThem() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_sizes"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(CHANGESET);
        migrator.up();
        execute(dataSource, """
                INSERT INTO daap.clusters (id, name, admin_host, admin_port)
                VALUES ('00000000-0000-7000-8000-000000000001', 'sizes', 'pg.test', 5432);
                INSERT INTO daap.cluster_database_sizes (cluster_id, name_on_cluster, size_bytes, measured_at)
                VALUES ('00000000-0000-7000-8000-000000000001', 'checkout_orders', 8000000, now()),
                       ('00000000-0000-7000-8000-000000000001', 'unreadable', NULL, now())""");

        assertThatThrownBy(() -> execute(dataSource, """
                        INSERT INTO daap.cluster_database_sizes (cluster_id, name_on_cluster, size_bytes, measured_at)
                        VALUES ('00000000-0000-7000-8000-000000000001', 'checkout_orders', 1, now())""")).hasMessageContaining("cluster_database_sizes_pkey");
        assertThatThrownBy(() -> execute(dataSource, """
                        INSERT INTO daap.cluster_database_sizes (cluster_id, name_on_cluster, size_bytes, measured_at)
                        VALUES ('00000000-0000-7000-8000-000000000001', 'negative', -1, now())""")).hasMessageContaining("cluster_database_sizes_size_range");

        migrator.down(ours);

        assertThat(migrator.status().pending()).first().isEqualTo(CHANGESET);
        assertThat(exists(dataSource)).isFalse();
        migrator.up();
        assertThat(exists(dataSource)).isTrue();
    }

    private static boolean exists(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT to_regclass('daap.cluster_database_sizes') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
