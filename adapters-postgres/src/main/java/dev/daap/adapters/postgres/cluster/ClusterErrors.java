package dev.daap.adapters.postgres.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterProbeException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;

/**
 * Says in words a platform admin can act on why a session on a cluster failed, naming the cluster by its admin
 * address and never quoting the admin URL's password (the driver's messages do not hold it; the redaction makes
 * sure).
 */
final class ClusterErrors {
    private ClusterErrors() {}

    static ClusterProbeException describe(String doing, AdminUrl admin, Exception error, AdminSessions sessions) {
        SQLException sql = deepest(error);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String reason = redact(reason(sql == null ? error : sql), admin);
        String message;
        if (state.startsWith("28")) {
            message = "the cluster at " + admin.address() + " rejected the admin login while " + doing + ": " + reason
                    + " (check the admin user and password)";
        } else if (state.startsWith("08") || state.isEmpty()) {
            message = "cannot reach the cluster at " + admin.address() + " while " + doing + ": " + reason;
        } else if (state.equals("57014")) {
            message = "the cluster at " + admin.address() + " did not answer within " + sessions.timeout() + " while "
                    + doing;
        } else if (state.equals("53300")) {
            message = "the cluster at " + admin.address() + " has no free connections: " + reason;
        } else {
            message = "the cluster at " + admin.address() + " failed " + doing + ": " + reason + " (SQLSTATE " + state
                    + ")";
        }
        // The cause stays out: a driver's exception chain is not worth the risk of a secret in a log line.
        return new ClusterProbeException(message, null);
    }

    private static SQLException deepest(Throwable error) {
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
            return psql.getServerErrorMessage().getMessage();
        }
        return String.valueOf(error.getMessage());
    }

    private static String redact(String text, AdminUrl admin) {
        String password = admin.password();
        return password == null || password.isEmpty() ? text : text.replace(password, "[redacted]");
    }
}
