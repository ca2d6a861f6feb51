package dev.daap.adapters.postgres;

import dev.daap.domain.error.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/**
 * What a failure of DAAP's metadata database means to the domain. "Out of reach" becomes the domain's
 * {@link StoreUnavailableException}, so the API answers 503 at once instead of a 500: {@link StoreUnavailableListener}
 * does it for every jOOQ statement, {@link JooqTransactions} for beginning and ending a transaction, and the hot
 * statements for their own executions. Every other failure passes through unchanged.
 */
public final class StoreErrors {
    private StoreErrors() {}

    /** {@code failure} as the store-unavailable error if the database could not be reached or was lost, else itself. */
    public static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof DataAccessException && isConnectionFailure(failure)) {
            return new StoreUnavailableException("the metadata database cannot be reached", failure);
        }
        return failure;
    }

    /** Whether {@code e} is PostgreSQL refusing a row because of the named constraint (unique, check, foreign key). */
    public static boolean violates(DataAccessException e, String constraint) {
        PSQLException psql = e.getCause(PSQLException.class);
        return psql != null
                && psql.getServerErrorMessage() != null
                && constraint.equals(psql.getServerErrorMessage().getConstraint());
    }

    /** SQLSTATE class 08 (connection exception), 57P0x (server shutting down), or the pool giving up waiting. */
    static boolean isConnectionFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
