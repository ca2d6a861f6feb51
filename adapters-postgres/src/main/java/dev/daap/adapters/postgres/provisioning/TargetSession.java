package dev.daap.adapters.postgres.provisioning;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.exception.DataAccessException;

/**
 * One admin connection to the target cluster for one provisioner call, in autocommit (CREATE and DROP DATABASE
 * refuse to run in a transaction block). Every failure leaves as a ProvisioningException naming the step.
 */
final class TargetSession implements AutoCloseable {
    /**
     * Settings that keep statement text out of the server log and statistics. The password is sent only as a
     * SCRAM verifier, but a verifier is still worth keeping out of log files. Only superusers (or roles granted SET
     * on them) may change these; for others each SET fails harmlessly in its savepoint.
     */
    private static final List<String> QUIET = List.of(
            "SET LOCAL log_statement = 'none'",
            "SET LOCAL log_min_error_statement = 'panic'",
            "SET LOCAL log_min_duration_statement = -1",
            "SET LOCAL log_min_duration_sample = -1",
            "SET LOCAL log_transaction_sample_rate = 0",
            "SET LOCAL pg_stat_statements.track_utility = off");

    private final Connection connection;
    private final TargetCatalog catalog;
    private final ProvisioningErrors errors;

    private TargetSession(Connection connection, ProvisioningErrors errors) {
        this.connection = connection;
        this.catalog = new TargetCatalog(connection);
        this.errors = errors;
    }

    static TargetSession open(DataSource admin, ProvisioningErrors errors) {
        try {
            Connection connection = admin.getConnection();
            connection.setAutoCommit(true);
            return new TargetSession(connection, errors);
        } catch (SQLException e) {
            throw errors.translate(ProvisioningErrors.CONNECTING, e);
        }
    }

    <T> T read(String action, Function<TargetCatalog, T> query) {
        try {
            return query.apply(catalog);
        } catch (DataAccessException e) {
            throw errors.translate(action, e);
        }
    }

    void execute(String action, String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw errors.translate(action, e);
        }
    }

    /** Runs the steps in one transaction, so a crash cannot leave a role without its marker, with QUIET settings. */
    void inQuietTransaction(String action, Runnable steps) {
        inTransaction(action, true, steps);
    }

    /** Runs the steps in one transaction: a crash leaves all of them done, or none. */
    void inTransaction(String action, Runnable steps) {
        inTransaction(action, false, steps);
    }

    private void inTransaction(String action, boolean quietly, Runnable steps) {
        try {
            connection.setAutoCommit(false);
            try {
                if (quietly) {
                    quiet();
                }
                steps.run();
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw errors.translate(action, e);
        }
    }

    private void quiet() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String setting : QUIET) {
                Savepoint savepoint = connection.setSavepoint();
                try {
                    statement.execute(setting);
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException notPermitted) {
                    connection.rollback(savepoint);
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The work is done or has failed already; a failing close changes neither.
        }
    }
}
