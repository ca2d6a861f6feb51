package dev.daap.adapters.postgres;

import java.time.Duration;
import java.util.Map;

/**
 * How to reach DAAP's metadata database and size the pool.
 *
 * @param jdbcUrl          a {@code jdbc:postgresql:} URL; driver properties such as sslmode may ride along
 * @param driverProperties extra pgjdbc properties (they override the defaults below)
 */
public record PoolSettings(
        String jdbcUrl,
        String user,
        String password,
        int maxConnections,
        int minConnections,
        Duration maxLifetime,
        Duration maxIdleTime,
        Map<String, String> driverProperties) {

    /** A request waits at most this long for a connection before it gets a quick 503. */
    public static final Duration CONNECTION_WAIT = Duration.ofSeconds(2);
    /** Bounded connect and read times: a vanished server must not hang a request thread. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    public static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);
    /** Hikari pings idle connections this often, so dead ones are found before a request picks them up. */
    public static final Duration KEEPALIVE = Duration.ofSeconds(30);

    public PoolSettings {
        if (minConnections < 0 || maxConnections < 1 || minConnections > maxConnections) {
            throw new IllegalArgumentException("need 0 <= min connections <= max connections, and max >= 1");
        }
        driverProperties = driverProperties == null ? Map.of() : Map.copyOf(driverProperties);
    }
}
