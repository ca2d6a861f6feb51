package dev.daap.adapters.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.tools.jdbc.DefaultConnection;

/** Builds the DSLContext: the generated classes name schema {@code daap}; DB_SCHEMA may choose another. */
public final class JooqFactory {
    public static final String GENERATED_SCHEMA = "daap";

    private JooqFactory() {}

    /**
     * A DSLContext on {@code dataSource}, whose connections must start in READ COMMITTED, as {@link PostgresPool}'s
     * do: jOOQ reads the isolation level at the start of every transaction, and pgjdbc answers that with a round
     * trip to the server ({@code SHOW TRANSACTION ISOLATION LEVEL}), one more than the transaction's own statements.
     * A statement that fails because the database is out of reach fails as the domain's store-unavailable error.
     */
    public static DSLContext create(DataSource dataSource, String schema) {
        return DSL.using(new DefaultConfiguration()
                .set(new KnownIsolationConnections(dataSource))
                .set(SQLDialect.POSTGRES)
                .set(settings(schema))
                .set(new StoreUnavailableListener()));
    }

    public static Settings settings(String schema) {
        Settings settings = new Settings()
                .withExecuteLogging(false)
                // jOOQ asks the driver for SQL warnings after every statement unless told not to; nothing reads them.
                .withFetchWarnings(false)
                // pgjdbc binds and reads timestamptz as OffsetDateTime itself; by default jOOQ goes through a string
                // that it formats or parses: 14 % of the JVM's CPU samples for a 50-row list page, in a profile
                // of bench/run on 2026-11-25 (commit 443a28c), about 1 % with this setting.
                .withBindOffsetDateTimeType(true);
        // A mapping is looked up for every table of every statement rendered; the default schema needs none.
        return GENERATED_SCHEMA.equals(schema)
                ? settings
                : settings.withRenderMapping(new RenderMapping()
                        .withSchemata(
                                new MappedSchema().withInput(GENERATED_SCHEMA).withOutput(schema)));
    }

    /** Hands out connections that know their isolation level instead of asking the server. */
    private static final class KnownIsolationConnections extends DataSourceConnectionProvider {
        KnownIsolationConnections(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        public Connection acquire() {
            return new KnownIsolationConnection(super.acquire());
        }

        @Override
        public void release(Connection connection) {
            super.release(connection instanceof KnownIsolationConnection known ? known.getDelegate() : connection);
        }
    }

    /** Starts in READ COMMITTED (the pool's level) and remembers what is set through it. */
    private static final class KnownIsolationConnection extends DefaultConnection {
        private int isolation = Connection.TRANSACTION_READ_COMMITTED;

        KnownIsolationConnection(Connection delegate) {
            super(delegate);
        }

        @Override
        public int getTransactionIsolation() {
            return isolation;
        }

        @Override
        public void setTransactionIsolation(int level) throws SQLException {
            super.setTransactionIsolation(level);
            isolation = level;
        }
    }
}
