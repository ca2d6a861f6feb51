package dev.daap.adapters.postgres;

import dev.daap.domain.error.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import org.jooq.exception.DataAccessException;
import org.postgresql.util.PSQLException;

/**
 * Turns "the metadata database is out of reach" into the domain's {@link StoreUnavailableException}, so the API
 * answers 503 at once instead of a 500; every other failure passes through unchanged.
 */
public final class StoreErrors {
    private StoreErrors() {}

    public static <T> T translate(Supplier<T> work) {
        try {
            return work.get();
        } catch (DataAccessException e) {
            if (isConnectionFailure(e)) {
                throw new StoreUnavailableException("the metadata database cannot be reached", e);
            }
            throw e;
        }
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
