package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * An installation from before teams already has databases: migrating turns every owner_team into a team, so the
 * new foreign key holds, and the team is as old as its first database.
 */
class TeamsMigrationTest {
    private static final String FIRST_TEAMS_CHANGESET = "0011-teams-table";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void everyOwnerOfAnExistingDatabaseBecomesATeamCreatedWithItsFirstDatabase() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_teams"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        List<String> beforeTeams = changesets.subList(0, changesets.indexOf(FIRST_TEAMS_CHANGESET));
        // The migrator applies everything or rolls back a count: all of it, less the newer changesets, is the
        // schema of a release from before teams.
        migrator.up();
        migrator.down(changesets.size() - beforeTeams.size());
        assertThat(migrator.status().applied()).containsExactlyElementsOf(beforeTeams);

        Instant first = Instant.parse("2024-03-01T08:00:00.123456Z");
        insertDatabase(dataSource, "orders", "checkout", first.plusSeconds(3600), null);
        insertDatabase(dataSource, "carts", "checkout", first, first.plusSeconds(60)); // deleted: still counts
        insertDatabase(dataSource, "ledger", "billing", first.plusSeconds(7200), null);

        migrator.up();

        assertThat(migrator.status().isCurrent()).isTrue();
        assertThat(teams(dataSource))
                .containsExactly("billing|billing|" + first.plusSeconds(7200), "checkout|checkout|" + first);
    }

    private static void insertDatabase(
            DataSource dataSource, String name, String team, Instant createdAt, Instant deletedAt) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO daap.databases (id, name, owner_team, purpose, status, created_at, updated_at, deleted_at)"
                                + " VALUES (?, ?, ?, 'from an older release', ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, name);
            insert.setString(3, team);
            insert.setString(4, deletedAt == null ? "ready" : "deleted");
            insert.setTimestamp(5, Timestamp.from(createdAt));
            insert.setTimestamp(6, Timestamp.from(deletedAt == null ? createdAt : deletedAt));
            insert.setTimestamp(7, deletedAt == null ? null : Timestamp.from(deletedAt));
            insert.executeUpdate();
        }
    }

    private static List<String> teams(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT slug, display_name, created_at FROM daap.teams ORDER BY slug")) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|"
                        + result.getTimestamp(3).toInstant());
            }
        }
        return rows;
    }
}
