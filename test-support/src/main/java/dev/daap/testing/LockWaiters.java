package dev.daap.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** What tests of locking await: sessions of a database blocked on a lock, as PostgreSQL reports them. */
public final class LockWaiters {
    private LockWaiters() {}

    /** Sessions of {@code dataSource}'s database waiting for an advisory lock ({@code pg_advisory_xact_lock}). */
    public static int advisory(DataSource dataSource) {
        return waiting(dataSource, "wait_event = 'advisory'");
    }

    /** Sessions of {@code dataSource}'s database waiting for a row another transaction changed or locked. */
    public static int onRows(DataSource dataSource) {
        return waiting(dataSource, "wait_event IN ('transactionid', 'tuple')");
    }

    private static int waiting(DataSource dataSource, String event) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND wait_event_type = 'Lock' AND " + event)) {
            rows.next();
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read pg_stat_activity", e);
        }
    }
}
