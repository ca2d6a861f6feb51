package dev.daap.bootstrap;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Waits for the pool's first connection before start-up uses it. The pool gives a request 2 s, which a first
 * connection can take on a busy machine (a cold JVM's SCRAM, a backend to fork): on 2026-12-03 three bench starts out
 * of five failed so on the 2-core VM at load 15-20 with "Connection is not available … (total=0)". A pool that
 * timed out without a connection error is waited for, up to {@code DB_WAIT_TIMEOUT}; an error (a wrong password, a
 * refused connection) ends the wait at once. Either way the first real use then reports what failed, as before.
 */
final class FirstConnection {
    private FirstConnection() {}

    /** True once a connection came; false on a connection error or when {@code patience} is over. */
    static boolean await(DataSource pool, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try (Connection ignored = pool.getConnection()) {
                return true;
            } catch (SQLTransientConnectionException e) {
                if (e.getCause() != null || System.nanoTime() - deadline >= 0) {
                    return false;
                }
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
