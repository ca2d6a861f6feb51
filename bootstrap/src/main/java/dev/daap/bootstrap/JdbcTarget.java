package dev.daap.bootstrap;

import java.util.Map;

/** A concrete PostgreSQL to connect to: the external one from DATABASE_URL, or the embedded one. */
record JdbcTarget(String jdbcUrl, String user, String password, Map<String, String> driverProperties, String kind) {
    String displayUrl() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
