package dev.daap.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.daap.adapters.http.database.DatabaseUseCases;
import dev.daap.adapters.http.HttpServer;
import dev.daap.adapters.http.HttpSettings;
import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.PoolSettings;
import dev.daap.adapters.postgres.PostgresPool;
import dev.daap.adapters.postgres.SchemaVersion;
import dev.daap.adapters.postgres.database.JooqDatabases;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.migrations.MigrationStatus;
import dev.daap.migrations.Migrator;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * The running service, wired by hand: metadata database → migrations → pool → jOOQ → use cases → HTTP.
 * {@link #close()} shuts down in reverse: stop accepting and drain requests, close the pool, stop the embedded
 * server.
 */
public final class Application implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Application.class);
    private final MetadataDatabase database;
    private final HikariDataSource pool;
    private final HttpServer http;

    private Application(MetadataDatabase database, HikariDataSource pool, HttpServer http) {
        this.database = database;
        this.pool = pool;
        this.http = http;
    }

    public static Application start(DaapConfig config) {
        long started = System.nanoTime();
        MetadataDatabase database = MetadataDatabase.open(config);
        HikariDataSource pool = null;
        try {
            pool = PostgresPool.create(poolSettings(config, database.target()), "daap");
            int expectedChangesets = migrate(config, pool);
            DSLContext dsl = JooqFactory.create(pool, config.schema());
            HttpServer http = new HttpServer(useCases(dsl),
                    new DatabaseReadiness(new SchemaVersion(dsl, config.schema()), expectedChangesets),
                    new HttpSettings(config.port(), "0.0.0.0", config.shutdownTimeout(), HttpSettings.DEFAULT_MAX_REQUEST_BYTES));
            http.start();
            log.info("DAAP is ready on port {} ({} PostgreSQL, started in {} ms)", http.port(),
                    database.target().kind(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return new Application(database, pool, http);
        } catch (RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            database.close();
            throw e;
        }
    }

    private static int migrate(DaapConfig config, HikariDataSource pool) {
        var migrator = new Migrator(pool, config.schema());
        if (config.migrateOnStart()) {
            int applied = migrator.up();
            log.info("Migrations: {} changeset(s) applied on start", applied);
        }
        MigrationStatus status = migrator.status();
        if (!status.isCurrent()) {
            log.warn("Schema {} has {} pending changeset(s) ({}); /health/ready stays 503 until "
                    + "`daap.jar migrate up` runs", config.schema(), status.pending().size(), status.pending());
        }
        return status.applied().size() + status.pending().size();
    }

    private static DatabaseUseCases useCases(DSLContext dsl) {
        var transactions = new JooqTransactions(dsl);
        var databases = new JooqDatabases(transactions);
        Clock clock = Clock.systemUTC();
        return new DatabaseUseCases(
                new CreateDatabase(transactions, databases, new UuidV7Generator(clock), clock),
                new GetDatabase(databases),
                new ListDatabases(databases),
                new UpdateDatabase(transactions, databases, clock),
                new DeleteDatabase(transactions, databases, clock));
    }

    static PoolSettings poolSettings(DaapConfig config, JdbcTarget target) {
        return new PoolSettings(target.jdbcUrl(), target.user(), target.password(), config.maxConnections(),
                config.minConnections(), config.maxConnectionLifetime(), config.maxConnectionIdleTime(),
                target.driverProperties());
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        log.info("Shutting down: draining HTTP requests");
        try {
            http.stop();
        } finally {
            try {
                pool.close();
            } finally {
                database.close();
                log.info("DAAP stopped");
            }
        }
    }
}
