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
 * The upgrade to plans: the default catalog, every database on its default plan, teams without quota or budget of
 * their own, the apply_plan job kind; the rollback gives back the schema of before, with its data.
 */
class PlansMigrationTest {
    private static final String FIRST_CHANGESET = "0140-plans-table";
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void existingDatabasesGetTheDefaultPlanAndTheRollbackRestoresTheSchemaOfBefore() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_plans"));
        var migrator = new Migrator(dataSource, "daap");
        List<String> changesets = migrator.status().pending();
        int ours = changesets.size() - changesets.indexOf(FIRST_CHANGESET);
        migrator.up();
        migrator.down(ours);
        execute(dataSource, """
                INSERT INTO daap.teams (slug, display_name) VALUES ('checkout', 'Checkout');
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status, deleted_at)
                VALUES (gen_random_uuid(), 'orders', 'checkout_orders', 'checkout', 'live', 'ready', NULL),
                       (gen_random_uuid(), 'gone', 'checkout_gone', 'checkout', 'dropped', 'purged', now())""");

        migrator.up();

        assertThat(rows(dataSource, "SELECT name || '|' || plan FROM daap.databases ORDER BY name"))
                .containsExactly("gone|small", "orders|small");
        assertThat(rows(
                        dataSource,
                        "SELECT name || '|' || price_per_month || '|' || price_per_gb_month || '|' || is_default"
                                + " FROM daap.plans ORDER BY name"))
                .containsExactly("large|240.00|0.0500|false", "medium|60.00|0.0800|false", "small|15.00|0.1000|true");
        assertThat(rows(
                        dataSource,
                        "SELECT coalesce(max_databases::text, 'none') || '|' || live_databases FROM daap.teams"))
                .as("the counter backfilled: orders is live, gone is not")
                .containsExactly("none|1");
        execute(dataSource, """
                INSERT INTO daap.databases (id, name, name_on_cluster, owner_team, purpose, status)
                VALUES (gen_random_uuid(), 'carts', 'checkout_carts', 'checkout', 'new', 'pending');
                UPDATE daap.databases SET status = 'deleted', deleted_at = now() WHERE name = 'orders';
                UPDATE daap.databases SET purpose = 'still new' WHERE name = 'carts'""");
        assertThat(rows(dataSource, "SELECT live_databases::text FROM daap.teams"))
                .containsExactly("1");
        execute(dataSource, "DELETE FROM daap.databases WHERE name = 'carts'");
        assertThat(rows(dataSource, "SELECT live_databases::text FROM daap.teams"))
                .containsExactly("0");
        execute(
                dataSource,
                "INSERT INTO daap.jobs (id, kind, database_id, state, max_attempts, run_at)"
                        + " SELECT gen_random_uuid(), 'apply_plan', id, 'scheduled', 3, now() FROM daap.databases"
                        + " WHERE name = 'orders'");
        assertThatThrownBy(() -> execute(dataSource, "UPDATE daap.plans SET is_default = true WHERE name = 'large'"))
                .as("one default plan at most")
                .hasMessageContaining("plans_one_default");
        assertThatThrownBy(
                        () -> execute(dataSource, "UPDATE daap.teams SET monthly_budget = 10 WHERE slug = 'checkout'"))
                .as("a budget has its currency")
                .hasMessageContaining("teams_budget_has_currency");

        migrator.down(ours);

        assertThat(migrator.status().pending()).hasSize(ours).first().isEqualTo(FIRST_CHANGESET);
        assertThat(rows(dataSource, "SELECT name || '|' || status FROM daap.databases ORDER BY name"))
                .containsExactly("gone|purged", "orders|deleted");
        assertThat(rows(dataSource, "SELECT count(*)::text FROM daap.jobs")).containsExactly("0");
        assertThat(rows(
                        dataSource,
                        "SELECT table_name || '.' || column_name FROM information_schema.columns"
                                + " WHERE table_schema = 'daap' AND (table_name = 'plans' OR column_name IN"
                                + " ('plan', 'max_databases', 'monthly_budget', 'budget_currency', 'live_databases'))"
                                + " AND table_name IN ('plans', 'databases', 'teams')"))
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
