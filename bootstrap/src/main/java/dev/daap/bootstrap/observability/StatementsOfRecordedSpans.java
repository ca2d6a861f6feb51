package dev.daap.bootstrap.observability;

import io.opentelemetry.api.trace.Span;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections whose statements are spans (from {@code traced}) only for a caller whose span records, and the plain
 * ones otherwise. The JDBC instrumentation analyses each statement's text and builds its attributes before the
 * sampler says whether the span is kept, so a statement of a request that is not traced cost that work for nothing
 * (a tenth of the requests traced still paid it on all of them). A connection is taken inside its request's (or
 * job's) span, and a statement's span would follow that span's decision, so the choice is made once, here.
 */
final class StatementsOfRecordedSpans implements DataSource {
    private final DataSource plain;
    private final DataSource traced;

    StatementsOfRecordedSpans(DataSource plain, DataSource traced) {
        this.plain = plain;
        this.traced = traced;
    }

    private DataSource current() {
        return Span.current().isRecording() ? traced : plain;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return current().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return current().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return plain.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        plain.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        plain.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return plain.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return plain.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : plain.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || plain.isWrapperFor(type);
    }
}
