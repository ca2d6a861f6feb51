package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * A freshly migrated database of its own, for event tests that must commit: an event is published only once its
 * transaction has ended, so a rolled-back test transaction would never see its own events.
 */
final class CommittedDatabase {
    final DataSource dataSource;
    final DSLContext dsl;

    CommittedDatabase(String prefix) {
        dataSource = MigratedDatabase.ofItsOwn(prefix);
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
    }

    /** A connection with a transaction left open until the caller commits or rolls back, and its DSLContext. */
    OpenTransaction begin() {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new OpenTransaction(
                    connection,
                    DSL.using(connection, SQLDialect.POSTGRES, JooqFactory.settings(MigratedDatabase.SCHEMA)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record OpenTransaction(Connection connection, DSLContext dsl) implements AutoCloseable {
        /** Makes the transaction take its id now, as any first write would. */
        long takeTransactionId() {
            return dsl.fetchSingle("SELECT pg_current_xact_id()::text::bigint").get(0, Long.class);
        }

        void commit() throws SQLException {
            connection.commit();
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
            } finally {
                connection.close();
            }
        }
    }
}
