package dev.daap.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Every changeset applies, rolls back and applies again, on a real PostgreSQL 17, and concurrency is safe. */
class MigratorTest {
    private final TestPostgres postgres = TestPostgres.shared();

    @Test
    void appliesRollsBackEverythingAndAppliesAgain() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_roundtrip"));
        var migrator = new Migrator(dataSource, "daap");
        int changesets = migrator.status().pending().size();
        assertThat(changesets).isGreaterThan(0);

        assertThat(migrator.up()).isEqualTo(changesets);
        assertThat(migrator.status().isCurrent()).isTrue();
        assertThat(tables(dataSource, "daap")).contains("databases");
        assertThat(indexes(dataSource, "daap"))
                .contains("databases_live_team_name_key", "databases_name_trgm_idx", "databases_live_team_search_idx");

        assertThat(migrator.down(changesets)).isEqualTo(changesets);
        assertThat(migrator.status().applied()).isEmpty();
        assertThat(tables(dataSource, "daap")).doesNotContain("databases");
        assertThat(extensionSchemas(dataSource)).doesNotContain("daap");

        assertThat(migrator.up()).isEqualTo(changesets);
        assertThat(migrator.status().isCurrent()).isTrue();
        assertThat(migrator.up()).isZero();
    }

    @Test
    void applyPendingReportsTheStatusAfterwards() {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_apply_pending"));
        var migrator = new Migrator(dataSource, "daap");
        int changesets = migrator.status().pending().size();

        MigrationStatus status = migrator.applyPending();

        assertThat(status.isCurrent()).isTrue();
        assertThat(status.applied()).hasSize(changesets);
        assertThat(migrator.applyPending()).isEqualTo(status);
    }

    @Test
    void rollsBackOneChangesetAtATime() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_stepwise"));
        var migrator = new Migrator(dataSource, "daap");
        int changesets = migrator.up();
        for (int remaining = changesets - 1; remaining >= 0; remaining--) {
            assertThat(migrator.down(1)).isEqualTo(1);
            assertThat(migrator.status().applied()).hasSize(remaining);
        }
        assertThat(migrator.down(1)).isZero();
    }

    @Test
    void usesTheConfiguredSchema() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_schema"));
        new Migrator(dataSource, "tenant_two").up();
        assertThat(tables(dataSource, "tenant_two")).contains("databases", "databasechangelog");
        assertThat(tables(dataSource, "daap")).isEmpty();
    }

    @Test
    void refusesSchemaNamesThatAreNotPlainIdentifiers() {
        DataSource dataSource = postgres.dataSource("postgres");
        assertThatThrownBy(() -> new Migrator(dataSource, "daap; drop table x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Migrator(dataSource, "Daap")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void instancesStartingTogetherApplyEachChangesetOnce() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_concurrent"));
        int instances = 4;
        var barrier = new CyclicBarrier(instances);
        ExecutorService pool = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                Callable<Integer> migrate = () -> {
                    barrier.await();
                    return new Migrator(dataSource, "daap").up();
                };
                results.add(pool.submit(migrate));
            }
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var status = new Migrator(dataSource, "daap").status();
        assertThat(status.isCurrent()).isTrue();
        assertThat(count(dataSource, "SELECT count(*) FROM daap.databasechangelog"))
                .isEqualTo(status.applied().size());
    }

    @Test
    void aLockLeftByAKilledProcessDoesNotBlockTheNextStart() throws Exception {
        DataSource dataSource = postgres.dataSource(postgres.createDatabase("migrate_stale_lock"));
        var migrator = new Migrator(dataSource, "daap");
        assertThat(migrator.lockServiceName()).containsIgnoringCase("sessionlock");
        migrator.up();
        migrator.down(1);
        // What Liquibase's default lock leaves behind when its process is killed mid-migration.
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS daap.databasechangeloglock "
                    + "(id int PRIMARY KEY, locked boolean NOT NULL, lockgranted timestamp, lockedby varchar(255))");
            statement.execute("INSERT INTO daap.databasechangeloglock VALUES (1, true, now(), 'killed-host') "
                    + "ON CONFLICT (id) DO UPDATE SET locked = true, lockedby = 'killed-host'");
        }
        assertThat(migrator.up()).isEqualTo(1);
    }

    private static List<String> tables(DataSource dataSource, String schema) throws SQLException {
        return strings(
                dataSource, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema + "'");
    }

    private static List<String> indexes(DataSource dataSource, String schema) throws SQLException {
        return strings(dataSource, "SELECT indexname FROM pg_indexes WHERE schemaname = '" + schema + "'");
    }

    private static List<String> extensionSchemas(DataSource dataSource) throws SQLException {
        return strings(
                dataSource,
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                        + "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'");
    }

    private static List<String> strings(DataSource dataSource, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static int count(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
