package dev.daap.migrations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.lockservice.LockService;
import liquibase.lockservice.LockServiceFactory;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies, rolls back and reports DAAP's Liquibase changelog on one schema. Concurrent runs are safe: the
 * liquibase-sessionlock extension replaces Liquibase's lock row with a session-scoped advisory lock, which
 * PostgreSQL releases by itself when a migrating process dies.
 */
public final class Migrator {
    public static final String CHANGELOG = "db/changelog/changelog.xml";
    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    static {
        // Liquibase 4.30+ would try to report usage over the network, and prints a banner; neither belongs here.
        System.setProperty("liquibase.analytics.enabled", System.getProperty("liquibase.analytics.enabled", "false"));
        System.setProperty("liquibase.showBanner", "false");
        // The update summary goes to the log, not straight to standard output past the logging setup.
        System.setProperty(
                "liquibase.command.showSummaryOutput",
                System.getProperty("liquibase.command.showSummaryOutput", "LOG"));
    }

    private final DataSource dataSource;
    private final String schema;

    public Migrator(DataSource dataSource, String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema name must be lowercase letters, digits and underscores "
                    + "starting with a letter or underscore, at most 63 characters: " + schema);
        }
        this.dataSource = dataSource;
        this.schema = schema;
    }

    public static boolean isValidSchemaName(String schema) {
        return schema != null && SCHEMA_NAME.matcher(schema).matches();
    }

    /** Applies every pending changeset; returns how many were pending. */
    public int up() {
        return withLiquibase(liquibase -> {
            int pending = liquibase
                    .listUnrunChangeSets(new Contexts(), new LabelExpression())
                    .size();
            liquibase.update(new Contexts(), new LabelExpression());
            return pending;
        });
    }

    /**
     * Applies every pending changeset and reports the status afterwards, in one Liquibase session (start-up
     * would otherwise parse the changelog and take the lock twice).
     */
    public MigrationStatus applyPending() {
        return withLiquibase(liquibase -> {
            liquibase.update(new Contexts(), new LabelExpression());
            return statusOf(liquibase);
        });
    }

    /** Rolls back the {@code count} most recently applied changesets, data or not; returns how many were rolled back. */
    public int down(int count) {
        return down(count, true).changesets().size();
    }

    /**
     * Rolls back the {@code count} most recently applied changesets (all of them if fewer are applied), unless that
     * would drop a table or column that holds data and {@code dropData} is false: then nothing is rolled back and a
     * {@link RollbackRefusedException} says what would have been dropped. The check and the rollback happen under
     * one migration lock.
     *
     * @return what was rolled back and the data dropped with it
     */
    public RollbackPlan down(int count, boolean dropData) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        return withLiquibase(liquibase -> {
            RollbackPlan plan = RollbackPlanner.plan(liquibase, count);
            if (plan.losesData() && !dropData) {
                throw new RollbackRefusedException(schema, plan);
            }
            if (!plan.changesets().isEmpty()) {
                liquibase.rollback(plan.changesets().size(), (String) null);
            }
            return plan;
        });
    }

    public MigrationStatus status() {
        return withLiquibase(Migrator::statusOf);
    }

    private static MigrationStatus statusOf(Liquibase liquibase) throws LiquibaseException {
        List<String> applied = liquibase.getDatabase().getRanChangeSetList().stream()
                .map(RanChangeSet::getId)
                .toList();
        List<String> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                .map(ChangeSet::getId)
                .toList();
        return new MigrationStatus(applied, pending);
    }

    /** The name of the lock implementation in use, so tests can prove the session lock is the one that runs. */
    String lockServiceName() {
        return withLiquibase(liquibase -> LockServiceFactory.getInstance()
                .getLockService(liquibase.getDatabase())
                .getClass()
                .getName());
    }

    private <T> T withLiquibase(LiquibaseWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            prepareSchema(connection);
            Database database =
                    DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDefaultSchemaName(schema);
            database.setLiquibaseSchemaName(schema);
            var liquibase = new Liquibase(
                    CHANGELOG, new ClassLoaderResourceAccessor(Migrator.class.getClassLoader()), database);
            liquibase.getChangeLogParameters().set("schema", schema);
            Map<String, Object> scope = Map.of(Scope.Attr.ui.name(), new LoggerUIService());
            return Scope.child(scope, () -> whileLocked(database, ignored -> work.run(liquibase)));
        } catch (SQLException e) {
            throw new MigrationException("cannot migrate schema " + schema + ": " + e.getMessage(), e);
        } catch (MigrationException e) {
            throw e;
        } catch (Exception e) {
            throw new MigrationException("migration of schema " + schema + " failed: " + rootMessage(e), e);
        }
    }

    /**
     * Holds the migration lock for the whole operation, not only for Liquibase's update: reading the history
     * first would otherwise create Liquibase's tables outside the lock, racing other instances.
     */
    private static <T> T whileLocked(Database database, LiquibaseWork<T> work) throws LiquibaseException {
        LockService lock = LockServiceFactory.getInstance().getLockService(database);
        lock.waitForLock();
        try {
            return work.run(null);
        } finally {
            lock.releaseLock();
        }
    }

    /** The schema must exist before Liquibase can keep its own tables in it; trigram opclasses are found on the path. */
    private void prepareSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Safe to splice: the name matched SCHEMA_NAME in the constructor.
            try {
                statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            } catch (SQLException e) {
                // Two instances starting at once can race past IF NOT EXISTS; the loser finds the schema made.
                if (!"23505".equals(e.getSQLState()) && !"42P06".equals(e.getSQLState())) {
                    throw e;
                }
            }
            statement.execute("SET search_path TO " + schema + ", public");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    @FunctionalInterface
    private interface LiquibaseWork<T> {
        T run(Liquibase liquibase) throws LiquibaseException;
    }
}
