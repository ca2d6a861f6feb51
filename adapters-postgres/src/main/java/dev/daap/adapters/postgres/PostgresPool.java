package dev.daap.adapters.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The HikariCP pool over pgjdbc, with timeouts that keep a lost database from hanging the service. */
public final class PostgresPool {
    private PostgresPool() {}

    public static HikariDataSource create(PoolSettings settings, String poolName) {
        var config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxConnections());
        config.setMinimumIdle(settings.minConnections());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setIdleTimeout(settings.maxIdleTime().toMillis());
        config.setConnectionTimeout(PoolSettings.CONNECTION_WAIT.toMillis());
        config.setValidationTimeout(1_000);
        config.setKeepaliveTime(PoolSettings.KEEPALIVE.toMillis());
        // Set on every new connection and restored on return, whatever the server's default: JooqFactory relies on it.
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // Start even while the database is away; requests then get 503 until it is back.
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("connectTimeout", String.valueOf(PoolSettings.CONNECT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("loginTimeout", String.valueOf(PoolSettings.CONNECT_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("socketTimeout", String.valueOf(PoolSettings.SOCKET_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "daap");
        settings.driverProperties().forEach(config::addDataSourceProperty);
        return new HikariDataSource(config);
    }
}
