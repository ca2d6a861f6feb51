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

/**
 * The event type of a crossed storage limit (daap:0230): the events table takes it; the rollback removes such
 * events (the constraint of before would refuse them) and refuses the type again; migrating again takes it back.
 */
class OverStorageMigrationTest {
    private static final String CHANGESET = "0230-events-quota-state-changed";
    private static final String INSERT = "INSERT INTO daap.events (occurred_at, type, team, resource_id)"
            + " VALUES (now(), 'database.quota_state_changed', 'checkout', gen_random_uuid())";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void theRollbackRemovesTheEventsOfTheTypeAndRefusesItAgain() throws SQLException {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_over_storage"));
        var migrator = new Migrator(dataSource, "daap");
        var changesets = migrator.status().pending();
        int after = changesets.size() - changesets.indexOf(CHANGESET);
        migrator.up();
        execute(dataSource, INSERT);

        migrator.down(after);

        assertThat(migrator.status().pending()).first().isEqualTo(CHANGESET);
        assertThat(count(dataSource)).isZero();
        assertThatThrownBy(() -> execute(dataSource, INSERT)).hasMessageContaining("events_type_known");
        migrator.up();
        execute(dataSource, INSERT);
        assertThat(count(dataSource)).isEqualTo(1);
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT count(*) FROM daap.events WHERE type = 'database.quota_state_changed'")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
