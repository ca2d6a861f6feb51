package dev.daap.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.daap.adapters.postgres.PoolSettings;
import dev.daap.adapters.postgres.PostgresPool;
import javax.sql.DataSource;

/**
 * DAAP's own database for a command that runs and exits ({@code migrate}, {@code admin}): the database
 * {@code serve} would use (see {@link MetadataDatabase#openForCommand}), through a pool of two connections.
 * Closing it closes the pool and stops the embedded server if the command started it.
 */
final class CommandDatabase implements AutoCloseable {
    private static final int CONNECTIONS = 2;
    private final MetadataDatabase database;
    private final HikariDataSource pool;

    private CommandDatabase(MetadataDatabase database, HikariDataSource pool) {
        this.database = database;
        this.pool = pool;
    }

    static CommandDatabase open(DaapConfig config, String purpose) {
        MetadataDatabase database = MetadataDatabase.openForCommand(config);
        try {
            JdbcTarget target = database.target();
            var settings = new PoolSettings(
                    target.jdbcUrl(),
                    target.user(),
                    target.password(),
                    CONNECTIONS,
                    0,
                    config.maxConnectionLifetime(),
                    config.maxConnectionIdleTime(),
                    target.driverProperties());
            return new CommandDatabase(database, PostgresPool.create(settings, "daap-" + purpose));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        try {
            pool.close();
        } finally {
            database.close();
        }
    }
}
