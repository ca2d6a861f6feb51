package dev.daap.adapters.postgres.sql;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.StoreErrors;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;

/**
 * A statement on a path that every request takes, written as ordinary jOOQ code whose bind values come from
 * {@link Binds}. jOOQ renders it once for each shape of source (what decides its SQL text: which filters or columns
 * it has, never their values), and every call runs that SQL as a plain prepared statement with its own values,
 * taken from its source by the functions the query was built with, in the order in which jOOQ found their
 * placeholders in that same query. Rendering is the expensive part of a jOOQ statement, and so is walking a built
 * query for its bind values ({@code getBindValues()}; see bench/README.md, "Hot statements"), so neither happens
 * per call.
 *
 * <p>A definition may look at its source to choose its structure only through what the shape holds, and must make
 * every value with {@code binds}. The SQL is rendered with the settings (the schema mapping) of the first call's
 * session, so a statement serves one session, as each repository holds its own. Failures reach the caller as
 * jOOQ's {@link DataAccessException}, or as the domain's store-unavailable error when the database is out of reach.
 *
 * @param <S> what the statement is built from: an id, a query, a record
 */
public final class HotStatement<S> {
    private final Function<? super S, ?> shapeOf;
    private final Definition<S> definition;
    private static final Field<?>[] NO_COLUMNS = {};
    private final Map<Object, Rendered<S>> byShape = new ConcurrentHashMap<>();

    /** How a statement is built for a source. */
    @FunctionalInterface
    public interface Definition<S> {
        Query build(DSLContext dsl, S source, Binds<S> binds);
    }

    private HotStatement(Function<? super S, ?> shapeOf, Definition<S> definition) {
        this.shapeOf = shapeOf;
        this.definition = definition;
    }

    /** A statement whose SQL is the same for every source. */
    public static <S> HotStatement<S> of(Definition<S> definition) {
        return new HotStatement<>(source -> Boolean.TRUE, definition);
    }

    /**
     * A statement with several shapes. They must be few: each one's SQL is kept for the life of the statement.
     *
     * @param shapeOf the shape of a source: a value with equals and hashCode
     */
    public static <S> HotStatement<S> of(Function<? super S, ?> shapeOf, Definition<S> definition) {
        return new HotStatement<>(shapeOf, definition);
    }

    /**
     * {@code insert into table (its changed fields) values (…) [returning …]}: a record's changed fields, as jOOQ's
     * {@code insertInto(table).set(record)} inserts them; a shape for each set of changed fields.
     */
    public static <R extends TableRecord<R>> HotStatement<R> insert(Table<R> table, Field<?>... returning) {
        List<Field<?>> columns = List.of(table.fields());
        List<Field<?>> returned = List.of(returning);
        return of(HotStatement::changedFields, (dsl, record, binds) -> {
            Map<Field<?>, Param<?>> values = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                if (record.changed(i)) {
                    values.put(columns.get(i), column(binds, columns.get(i), i));
                }
            }
            var insert = dsl.insertInto(table).set(values);
            return returned.isEmpty() ? insert : insert.returningResult(returned);
        });
    }

    private static <R extends Record, T> Param<T> column(Binds<R> binds, Field<T> column, int index) {
        return binds.value(column, record -> column.getType().cast(record.get(index)));
    }

    /**
     * Runs a query (or an insert with {@code returning}) and reads its rows as records of {@code columns}: the
     * columns it returns, in order, as the caller will read them (the table's own fields, say, which records read
     * by identity; a query's {@code fields()} are those of a derived table, which records can only find by name).
     * The first call of a shape checks them against the query's columns.
     */
    public Result<Record> fetch(JooqSession session, S source, Field<?>... columns) {
        DSLContext dsl = session.dsl();
        Rendered<S> rendered = rendered(dsl, source, columns);
        return run(dsl, rendered, source, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return dsl.fetch(rows, columns);
            }
        });
    }

    /** Runs an insert, update or delete; returns the number of rows it changed. */
    public int execute(JooqSession session, S source) {
        DSLContext dsl = session.dsl();
        return run(dsl, rendered(dsl, source, NO_COLUMNS), source, PreparedStatement::executeUpdate);
    }

    /** jOOQ's own query for {@code source}, with its values: what every call runs, for EXPLAIN and for tests. */
    public Query query(DSLContext dsl, S source) {
        return definition.build(dsl, source, new Binds<>(source));
    }

    private Rendered<S> rendered(DSLContext dsl, S source, Field<?>[] columns) {
        return byShape.computeIfAbsent(shapeOf.apply(source), shape -> render(dsl, source, columns));
    }

    private Rendered<S> render(DSLContext dsl, S source, Field<?>[] columns) {
        Binds<S> binds = new Binds<>(source);
        Query query = definition.build(dsl, source, binds);
        List<String> returned = query instanceof ResultQuery<?> result ? names(result.fields()) : List.of();
        if (!returned.equals(names(columns))) {
            throw new IllegalStateException("read as " + names(columns) + ", but the statement returns " + returned);
        }
        List<Param<?>> placeholders = dsl.extractParams(query).values().stream()
                .filter(param -> !param.isInline()) // rendered as literals, not as placeholders
                .toList();
        return new Rendered<>(dsl.render(query), binds.functionsOf(placeholders));
    }

    private static List<String> names(Field<?>[] columns) {
        return Arrays.stream(columns).map(Field::getName).toList();
    }

    private static <S, T> T run(DSLContext dsl, Rendered<S> rendered, S source, Execution<T> execution) {
        try {
            return dsl.connectionResult(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(rendered.sql())) {
                    rendered.bind(statement, source);
                    return execution.run(statement);
                }
            });
        } catch (DataAccessException e) { // acquiring the connection included: this path bypasses jOOQ's listeners
            throw StoreErrors.translate(e);
        }
    }

    private static long changedFields(Record record) {
        if (record.size() > Long.SIZE) {
            throw new IllegalArgumentException("a hot insert keys its shapes by at most 64 columns");
        }
        long changed = 0;
        for (int i = 0; i < record.size(); i++) {
            if (record.changed(i)) {
                changed |= 1L << i;
            }
        }
        return changed;
    }

    @FunctionalInterface
    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /** One shape's SQL, and the functions that give its placeholders' values in order. */
    private record Rendered<S>(String sql, List<Function<? super S, ?>> values) {
        void bind(PreparedStatement statement, S source) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                bind(statement, i + 1, values.get(i).apply(source));
            }
        }

        /** As jOOQ binds the types DAAP's tables use on PostgreSQL (with {@code bindOffsetDateTimeType}). */
        private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value instanceof Instant instant) {
                statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof JSONB json) {
                statement.setObject(index, json.data(), Types.OTHER); // untyped: read as the jsonb the SQL expects
            } else {
                statement.setObject(index, value); // null too: pgjdbc sends it untyped, and the SQL gives the type
            }
        }
    }
}
