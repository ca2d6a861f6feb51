package dev.daap.adapters.postgres;

import org.jooq.JSONB;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Binds values as jOOQ holds them (its bind values, a record's fields) to a statement of SQL that jOOQ rendered
 * once, the way jOOQ itself would bind them on PostgreSQL. Only the types DAAP's tables use need a conversion;
 * the tests that pin each cached statement to jOOQ's rendering also run it against PostgreSQL.
 */
public final class BindValues {
    private BindValues() {
    }

    public static void bind(PreparedStatement statement, List<?> values) throws SQLException {
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
}
