package dev.daap.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for an external PostgreSQL at start-up with exponential backoff (250 ms doubling to 5 s), bounded by
 * {@code DB_WAIT_TIMEOUT}. Errors that waiting cannot fix (bad password, no such database) fail at once.
 */
final class DatabaseWait {
    private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private DatabaseWait() {}

    /** @param configuredBy the variables that name the server and its credentials, for the operator to check */
    static void untilReachable(JdbcTarget target, Duration timeout, String configuredBy) {
        Instant deadline = Instant.now().plus(timeout);
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            SQLException failure;
            try (Connection ignored = connect(target)) {
                if (attempt > 1) {
                    log.info("PostgreSQL at {} answered after {} attempts", target.displayUrl(), attempt);
                }
                return;
            } catch (SQLException e) {
                failure = e;
            }
            if (isPermanent(failure)) {
                throw new ConfigException("cannot use PostgreSQL at " + target.displayUrl() + ": "
                        + failure.getMessage() + " (check " + configuredBy + ")");
            }
            if (Instant.now().plus(delay).isAfter(deadline)) {
                throw new ConfigException("PostgreSQL at " + target.displayUrl() + " did not answer within "
                        + timeout.toSeconds() + "s (" + attempt + " attempts; last error: " + failure.getMessage()
                        + "). Check that it runs, and check " + configuredBy + ", or raise DB_WAIT_TIMEOUT");
            }
            log.warn(
                    "PostgreSQL at {} is not reachable yet (attempt {}: {}); retrying in {} ms",
                    target.displayUrl(),
                    attempt,
                    failure.getMessage(),
                    delay.toMillis());
            sleep(delay);
            delay = delay.multipliedBy(2).compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay.multipliedBy(2);
        }
    }

    private static Connection connect(JdbcTarget target) throws SQLException {
        Properties properties = new Properties();
        properties.putAll(target.driverProperties());
        if (target.user() != null) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(target.jdbcUrl(), properties);
    }

    /** 28xxx: authentication; 3D000: no such database; 42501: not allowed. Waiting will not change these. */
    private static boolean isPermanent(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("28") || state.equals("3D000") || state.equals("42501"));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigException("interrupted while waiting for PostgreSQL");
        }
    }
}
