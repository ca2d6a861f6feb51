package dev.daap.adapters.postgres.cluster;

import dev.daap.domain.cluster.AdminUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Short admin sessions on a cluster for the probe and the isolation: a fresh connection each time (a probe is also
 * the question whether the cluster takes connections), with connecting and every statement bounded by
 * {@code timeout}. The admin URL's parameters ({@code sslmode}, …) go to the driver as they are.
 */
final class AdminSessions {
    private final Duration timeout;
    private final String applicationName;

    AdminSessions(Duration timeout, String applicationName) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        this.timeout = timeout;
        this.applicationName = applicationName;
    }

    Duration timeout() {
        return timeout;
    }

    Connection open(AdminUrl admin) throws SQLException {
        var source = new PGSimpleDataSource();
        source.setServerNames(new String[] {admin.host()});
        source.setPortNumbers(new int[] {admin.port()});
        source.setDatabaseName(admin.database());
        source.setUser(admin.user());
        source.setPassword(admin.password());
        source.setApplicationName(applicationName);
        int seconds = (int) Math.max(1, (timeout.toMillis() + 999) / 1000); // the driver counts whole seconds
        source.setConnectTimeout(seconds);
        source.setLoginTimeout(seconds);
        source.setSocketTimeout(seconds + 1); // a backstop: the server's statement_timeout ends the query first
        source.setOptions("-c statement_timeout=" + timeout.toMillis() + " -c lock_timeout=" + timeout.toMillis());
        for (Map.Entry<String, String> parameter : admin.parameters().entrySet()) {
            source.setProperty(parameter.getKey(), parameter.getValue());
        }
        return source.getConnection(); // in autocommit, as the driver opens it: no transaction is left open
    }
}
