package dev.daap.adapters.postgres.provisioning;

import dev.daap.domain.provisioning.ClusterUnreachableException;
import dev.daap.domain.provisioning.ProvisioningException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.util.PSQLException;

/**
 * Turns what the target cluster or the driver said into a {@link ProvisioningException} that a person can act on.
 * The message becomes the database's failure reason, so it is stripped of the secrets of the call: the password
 * never reaches the server in plain text, but a redacted copy is cheaper than proving that for every path.
 */
final class ProvisioningErrors {
    static final String CONNECTING = "connecting";
    private static final String REDACTED = "[redacted]";

    private final String target;
    private final List<String> secrets;

    /** {@code host:port} names the cluster in messages; those are what clients use, the admin may differ. */
    ProvisioningErrors(String host, int port, List<String> secrets) {
        this.target = host + ":" + port;
        this.secrets = secrets.stream()
                .filter(secret -> secret != null && !secret.isEmpty())
                .toList();
    }

    ProvisioningException translate(String action, Exception error) {
        SQLException sql = deepestSqlException(error);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String reason = redact(reason(sql == null ? error : sql));
        if (state.startsWith("28")) {
            return new ProvisioningException(
                    "the target cluster at " + target + " rejected the admin login: " + reason
                            + " (check the admin user and password)",
                    safeCause(error));
        }
        // The cluster is away or full: not the job's fault, so the job waits for the cluster without using up its
        // attempts.
        if (state.equals("53300")) {
            return new ClusterUnreachableException(
                    "the target cluster at " + target + " has no free connections while " + action + ": " + reason,
                    safeCause(error));
        }
        if (state.startsWith("08") || action.equals(CONNECTING)) {
            return new ClusterUnreachableException(
                    "cannot reach the target cluster at " + target + " while " + action + ": " + reason,
                    safeCause(error));
        }
        String message;
        if (state.equals("42501")) {
            message = "the target cluster refused " + action + ": " + reason
                    + " (the admin connection needs CREATEROLE and CREATEDB, or superuser)";
        } else if (state.equals("2BP01")) {
            message = "the target cluster refused " + action + ": " + reason
                    + " (objects that depend on it must be dropped or reassigned first)";
        } else {
            message = "the target cluster refused " + action + ": " + reason
                    + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
        }
        return new ProvisioningException(message, safeCause(error));
    }

    String redact(String text) {
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, REDACTED);
        }
        return result;
    }

    /** pgjdbc's connection errors hide under pool errors; the innermost one says what went wrong. */
    private static SQLException deepestSqlException(Throwable error) {
        SQLException found = null;
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                found = sql;
            }
        }
        return found;
    }

    private static String reason(Throwable error) {
        if (error instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            var server = psql.getServerErrorMessage();
            String detail = server.getDetail();
            return server.getMessage() + (detail == null ? "" : " (" + detail + ")");
        }
        return String.valueOf(error.getMessage());
    }

    /** Keeps the original cause for the log unless some message in its chain holds a secret. */
    private Throwable safeCause(Exception error) {
        for (Throwable cause = error; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            String text = String.valueOf(cause.getMessage());
            if (!redact(text).equals(text)) {
                SQLException sql = deepestSqlException(error);
                return new SQLException(
                        redact(reason(sql == null ? error : sql)), sql == null ? null : sql.getSQLState());
            }
        }
        return error;
    }
}
