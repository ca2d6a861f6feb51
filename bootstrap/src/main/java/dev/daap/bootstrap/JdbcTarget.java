package dev.daap.bootstrap;

import dev.daap.domain.cluster.AdminUrl;
import java.util.Map;

/** A concrete PostgreSQL to connect to: the external one from DATABASE_URL, or the embedded one. */
record JdbcTarget(
        String jdbcUrl,
        String host,
        int port,
        String database,
        String user,
        String password,
        Map<String, String> driverProperties,
        String kind) {

    static JdbcTarget of(DatabaseUrl url, String kind) {
        return new JdbcTarget(
                url.jdbcUrl(),
                url.host(),
                url.port(),
                url.database(),
                url.user(),
                url.password(),
                url.properties(),
                kind);
    }

    /** This server as a cluster's admin URL: where start-up registers the default cluster without another one. */
    AdminUrl adminUrl() {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            return new AdminUrl(bare, port, database, user, password, driverProperties);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DAAP's own server (" + displayUrl() + ") cannot be the default cluster: its"
                    + " URL " + e.getMessage() + "; set PROVISIONER_DATABASE_URL");
        }
    }

    /** A connection source outside any pool (LISTEN sessions, provisioning, migrations). */
    javax.sql.DataSource unpooled() {
        var dataSource = new org.postgresql.ds.PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        dataSource.setConnectTimeout((int) dev.daap.adapters.postgres.PoolSettings.CONNECT_TIMEOUT.toSeconds());
        dataSource.setTcpKeepAlive(true);
        driverProperties.forEach((name, value) -> {
            try {
                dataSource.setProperty(name, value);
            } catch (java.sql.SQLException e) {
                throw new ConfigException("unknown connection parameter '" + name + "' for " + displayUrl());
            }
        });
        return dataSource;
    }

    String displayUrl() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
