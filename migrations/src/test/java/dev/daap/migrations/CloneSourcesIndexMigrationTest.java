package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The index on clone_sources' source: made by its changeset, dropped by its rollback, made again. */
class CloneSourcesIndexMigrationTest {
    private static final String CHANGESET = "0180-clone-sources-source-index";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void theRollbackDropsTheIndexAndMigratingAgainMakesIt() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_clone_index"));
        var migrator = new Migrator(dataSource, "daap");
        var changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(CHANGESET);
        migrator.up();
        assertThat(indexExists(dataSource)).isTrue();

        migrator.down(ours);

        assertThat(migrator.status().pending()).first().isEqualTo(CHANGESET);
        assertThat(indexExists(dataSource)).isFalse();
        migrator.up();
        assertThat(indexExists(dataSource)).isTrue();
    }

    private static boolean indexExists(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT to_regclass('daap.clone_sources_source_idx') IS NOT NULL")) {
            rows.next();
            return rows.getBoolean(1);
        }
    }
}
