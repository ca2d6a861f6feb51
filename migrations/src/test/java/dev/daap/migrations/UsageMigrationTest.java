package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The usage tables and the revisions' index by time (daap:0210-0212): made by their changesets, dropped by their rollbacks, made again. */
class UsageMigrationTest {
    private static final String FIRST = "0210-usage-samples-table";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void theRollbacksDropTheTablesAndMigratingAgainMakesThem() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_usage"));
        var migrator = new Migrator(dataSource, "daap");
        var changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(FIRST);
        migrator.up();
        assertThat(exists(dataSource, "daap.usage_samples")).isTrue();
        assertThat(exists(dataSource, "daap.usage_hourly_hour_idx")).isTrue();
        assertThat(exists(dataSource, "daap.database_revisions_changed_at_idx")).isTrue();

        migrator.down(ours);

        assertThat(migrator.status().pending()).first().isEqualTo(FIRST);
        assertThat(exists(dataSource, "daap.usage_samples")).isFalse();
        assertThat(exists(dataSource, "daap.usage_hourly")).isFalse();
        assertThat(exists(dataSource, "daap.database_revisions_changed_at_idx")).isFalse();
        migrator.up();
        assertThat(exists(dataSource, "daap.usage_samples_sampled_at_idx")).isTrue();
        assertThat(exists(dataSource, "daap.usage_hourly")).isTrue();
    }

    @Test
    void anHourlyRowStartsOnAWholeHour() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_usage_hour"));
        new Migrator(dataSource, "daap").up();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO daap.teams (slug, display_name) VALUES ('usage', 'Usage')");
            statement.execute("INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status,"
                    + " created_at, updated_at, version) VALUES ('00000000-0000-7000-8000-000000000001', 'one',"
                    + " 'one', 'usage', 'x', 'ready', now(), now(), 1)");
            String insert = "INSERT INTO daap.usage_hourly (database_id, hour, storage_bytes_sum, storage_bytes_max,"
                    + " samples) VALUES ('00000000-0000-7000-8000-000000000001', '%s', 1, 1, 1)";
            statement.execute(insert.formatted("2026-12-04T10:00:00Z"));
            assertThatThrownBy(() -> statement.execute(insert.formatted("2026-12-04T10:30:00Z")))
                    .hasMessageContaining("usage_hourly_whole_hour");
        }
    }

    private static boolean exists(DataSource dataSource, String relation) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT to_regclass('" + relation + "') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
