package dev.daap.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Each test's own transaction on the {@linkplain MigratedDatabase#dataSource() shared migrated database}, rolled
 * back after the test, so tests leave nothing behind and run in parallel. Register it on an instance field:
 * <pre>{@code @RegisterExtension final RolledBackTransaction transaction = new RolledBackTransaction();}</pre>
 * A new test instance per test (JUnit's default) gets a new transaction; its connection opens at the first
 * {@link #dsl()}, so a test that never uses it holds none, and a field initialiser may already use it.
 */
public final class RolledBackTransaction implements AfterEachCallback {
    private Connection connection;
    private DSLContext dsl;

    /** A DSLContext bound to this test's open transaction. */
    public synchronized DSLContext dsl() {
        if (connection == null) {
            try {
                connection = MigratedDatabase.dataSource().getConnection();
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            dsl = DSL.using(connection, SQLDialect.POSTGRES, JooqFactory.settings(MigratedDatabase.SCHEMA));
        }
        return dsl;
    }

    /** Runs work in a savepoint, so that an expected failure does not abort the whole test transaction. */
    public void inSavepoint(Runnable work) {
        dsl();
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                work.run();
                connection.releaseSavepoint(savepoint);
            } catch (RuntimeException e) {
                connection.rollback(savepoint);
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } finally {
            connection.close();
            connection = null;
            dsl = null;
        }
    }
}
