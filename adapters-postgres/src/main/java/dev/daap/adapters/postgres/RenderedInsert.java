package dev.daap.adapters.postgres;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableRecord;

/**
 * The INSERT of one table's records, as jOOQ's {@code insertInto(table).set(record)} renders it (the record's
 * changed fields, optionally {@code RETURNING} some columns), rendered once for each set of changed fields and then
 * run with the record's values through {@link RenderedSql}. A create writes four rows; rendering their inserts
 * anew each time was a tenth of the JVM's CPU per create.
 */
public final class RenderedInsert<R extends TableRecord<R>> {
    private final JooqSession session;
    private final Table<R> table;
    private final Field<?>[] returning;
    /** Shaped by the changed fields' positions, one bit each (tables have at most 64 columns). */
    private final SqlByShape<R> rendered;

    public RenderedInsert(JooqSession session, Table<R> table, Field<?>... returning) {
        if (table.fields().length > Long.SIZE) {
            throw new IllegalArgumentException(table.getName() + " has more columns than the cache can key");
        }
        this.session = session;
        this.table = table;
        this.returning = returning.clone();
        this.rendered = new SqlByShape<>(RenderedInsert::changedFields, this::render);
    }

    /** Inserts the record's changed fields. */
    public void execute(R record) {
        run(record, statement -> statement.executeUpdate());
    }

    /** Inserts the record's changed fields and returns the row's {@code returning} columns. */
    public Record executeReturning(R record) {
        if (returning.length == 0) {
            throw new IllegalStateException("this insert returns no columns");
        }
        return run(record, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return session.dsl().fetchSingle(rows, returning);
            }
        });
    }

    /** The SQL run for {@code record}, as jOOQ renders it; with {@link #values}, what the tests compare to jOOQ's. */
    String sql(R record) {
        return rendered.sql(record);
    }

    /** The values bound for {@code record}: its changed fields' values, in the order of the table's fields. */
    static List<Object> values(Record record) {
        List<Object> values = new ArrayList<>(record.size());
        for (int i = 0; i < record.size(); i++) {
            if (record.changed(i)) {
                values.add(record.get(i));
            }
        }
        return values;
    }

    private <T> T run(R record, RenderedSql.Execution<T> execution) {
        return RenderedSql.run(session, sql(record), values(record), execution);
    }

    private String render(R record) {
        DSLContext dsl = session.dsl();
        var insert = dsl.insertInto(table).set(record);
        return dsl.render(returning.length == 0 ? insert : insert.returningResult(returning));
    }

    private static long changedFields(Record record) {
        long changed = 0;
        for (int i = 0; i < record.size(); i++) {
            if (record.changed(i)) {
                changed |= 1L << i;
            }
        }
        return changed;
    }
}
