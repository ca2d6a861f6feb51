package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The audit log's actor kind arrives on a log that already has entries, which it may not update: they keep no
 * kind, and from then on the kind must agree with the key id.
 */
class AuditActorKindMigrationTest {
    private static final String ACTOR_KIND_CHANGESET = "0033-audit-events-actor-kind";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void existingEntriesStayAsTheyWereAndNewOnesMustSayWhoActed() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_actor_kind"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        migrator.up();
        migrator.down(changesets.size() - changesets.indexOf(ACTOR_KIND_CHANGESET));
        assertThat(migrator.status().pending()).first().isEqualTo(ACTOR_KIND_CHANGESET);
        UUID key = UUID.randomUUID();
        insert(
                dataSource,
                "INSERT INTO daap.audit_events (id, occurred_at, actor_key_id, action, resource_type, "
                        + "resource_id) VALUES (gen_random_uuid(), now(), '" + key + "', 'team.create', 'team', 'a')");
        insert(
                dataSource,
                "INSERT INTO daap.audit_events (id, occurred_at, action, resource_type, resource_id) "
                        + "VALUES (gen_random_uuid(), now(), 'api_key.create', 'api_key', 'b')");

        migrator.up();

        assertThat(kinds(dataSource)).containsExactly("a:null", "b:null");
        insert(
                dataSource,
                "INSERT INTO daap.audit_events (id, occurred_at, actor_kind, action, resource_type, "
                        + "resource_id) VALUES (gen_random_uuid(), now(), 'cli', 'api_key.create', 'api_key', 'c')");
        assertThatThrownBy(() -> insert(
                        dataSource,
                        "INSERT INTO daap.audit_events (id, occurred_at, actor_kind, action, resource_type, "
                                + "resource_id) VALUES (gen_random_uuid(), now(), 'api_key', 'x', 'team', 'd')"))
                .hasMessageContaining("audit_events_actor_kind_names_key");
        assertThatThrownBy(() -> insert(
                        dataSource,
                        "INSERT INTO daap.audit_events (id, occurred_at, actor_key_id, actor_kind, action, "
                                + "resource_type, resource_id) VALUES (gen_random_uuid(), now(), '" + key
                                + "', 'cli', 'x', 'team', 'e')"))
                .hasMessageContaining("audit_events_actor_kind_names_key");
        assertThatThrownBy(() -> insert(
                        dataSource,
                        "INSERT INTO daap.audit_events (id, occurred_at, actor_kind, action, resource_type, "
                                + "resource_id) VALUES (gen_random_uuid(), now(), 'robot', 'x', 'team', 'f')"))
                .hasMessageContaining("audit_events_actor_kind_known");
        assertThat(kinds(dataSource)).containsExactly("a:null", "b:null", "c:cli");
    }

    private static void insert(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeUpdate();
        }
    }

    private static List<String> kinds(DataSource dataSource) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "SELECT resource_id, actor_kind FROM daap.audit_events ORDER BY resource_id")) {
            while (result.next()) {
                rows.add(result.getString(1) + ":" + result.getString(2));
            }
        }
        return rows;
    }
}
