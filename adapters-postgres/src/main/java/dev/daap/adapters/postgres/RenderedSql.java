package dev.daap.adapters.postgres;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;

/**
 * Runs SQL that jOOQ rendered once (the hot paths keep it, since rendering a statement anew for every request cost
 * them more of the JVM than the round trip) as a plain prepared statement on the session's connection, with values
 * as jOOQ holds them (its bind values, a record's fields) bound the way jOOQ itself binds them on PostgreSQL. Only
 * the types DAAP's tables use need a conversion; the tests that pin each kept statement to jOOQ's rendering also
 * run it against PostgreSQL. Failures reach the caller as jOOQ's {@link DataAccessException}, or as the domain's
 * store-unavailable error when the database is out of reach.
 */
public final class RenderedSql {
    private RenderedSql() {}

    /** Runs a query and reads every row as a record of {@code fields} (the columns it selects, in order). */
    public static Result<Record> fetch(JooqSession session, String sql, List<?> values, Field<?>... fields) {
        return run(session, sql, values, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return session.dsl().fetch(rows, fields);
            }
        });
    }

    static <T> T run(JooqSession session, String sql, List<?> values, Execution<T> execution) {
        try {
            return session.dsl().connectionResult(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, values);
                    return execution.run(statement);
                }
            });
        } catch (DataAccessException e) { // acquiring the connection included: this path bypasses jOOQ's listeners
            throw StoreErrors.translate(e);
        }
    }

    private static void bind(PreparedStatement statement, List<?> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            bind(statement, i + 1, values.get(i));
        }
    }

    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            // pgjdbc takes java.time's OffsetDateTime for timestamptz, not Instant; jOOQ converts the same way.
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof JSONB json) {
            statement.setObject(index, json.data(), Types.OTHER); // sent untyped: the server reads it as jsonb
        } else {
            statement.setObject(index, value); // null included: pgjdbc sends it untyped, the column gives the type
        }
    }

    @FunctionalInterface
    interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }
}
