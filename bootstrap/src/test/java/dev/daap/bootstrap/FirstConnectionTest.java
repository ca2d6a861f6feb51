package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class FirstConnectionTest {
    private static final SQLException SLOW = new SQLTransientConnectionException("Connection is not available");
    private static final SQLException REFUSED =
            new SQLTransientConnectionException("Connection is not available", new SQLException("password failed"));

    @Test
    void aPoolThatOnlyTimedOutIsAskedAgainUntilAConnectionComes() {
        var pool = new ScriptedPool(List.of(SLOW, SLOW));

        assertThat(FirstConnection.await(pool, Duration.ofMinutes(1))).isTrue();
        assertThat(pool.asked).isEqualTo(3);
    }

    @Test
    void aConnectionErrorEndsTheWaitAtOnce() {
        var pool = new ScriptedPool(List.of(SLOW, REFUSED, SLOW));

        assertThat(FirstConnection.await(pool, Duration.ofMinutes(1))).isFalse();
        assertThat(pool.asked).isEqualTo(2);
    }

    @Test
    void thePatienceBoundsTheWait() {
        var pool = new ScriptedPool(List.of(SLOW, SLOW, SLOW));

        assertThat(FirstConnection.await(pool, Duration.ZERO)).isFalse();
        assertThat(pool.asked).isEqualTo(1);
    }

    /** Throws the scripted failures in turn, then hands out a connection. */
    private static final class ScriptedPool implements DataSource {
        private final Deque<SQLException> failures;
        int asked;

        ScriptedPool(List<SQLException> failures) {
            this.failures = new ArrayDeque<>(failures);
        }

        @Override
        public Connection getConnection() throws SQLException {
            asked++;
            if (!failures.isEmpty()) {
                throw failures.poll();
            }
            return (Connection) Proxy.newProxyInstance(
                    Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class},
                    (proxy, method, args) -> null);
        }

        @Override
        public Connection getConnection(String user, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
