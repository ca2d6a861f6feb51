package dev.daap.adapters.postgres.database;

import dev.daap.adapters.postgres.SqlByShape;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The list query's SQL, rendered by jOOQ once for each combination of filters and sort (at most 64) and then
 * reused with the request's bind values. Rendering the page query on every request cost about a tenth of the
 * JVM's CPU per page; jOOQ's manual suggests caching its SQL for this. {@link #binds} must give the values in
 * the order jOOQ renders their placeholders; DatabasePageSqlTest checks that against jOOQ for every combination.
 */
final class DatabasePageSql {
    /** What decides the SQL's text: which filters are present and the order, not their values. */
    private record Shape(boolean team, boolean status, boolean text, boolean after, DatabaseSort sort) {
        static Shape of(DatabaseQuery query) {
            return new Shape(
                    query.ownerTeam().isPresent(),
                    query.status().isPresent(),
                    query.text().isPresent(),
                    query.after().isPresent(),
                    query.sort());
        }
    }

    private final SqlByShape<DatabaseQuery> rendered;

    /** @param render jOOQ's SQL for a query; called once per shape, with the first query of that shape */
    DatabasePageSql(Function<DatabaseQuery, String> render) {
        this.rendered = new SqlByShape<>(Shape::of, render);
    }

    String sql(DatabaseQuery query) {
        return rendered.sql(query);
    }

    /** The bind values of {@code query}, as jOOQ holds them, in the order of the SQL's placeholders. */
    static List<Object> binds(DatabaseQuery query) {
        List<Object> values = new ArrayList<>(7);
        query.ownerTeam().ifPresent(team -> values.add(team.value()));
        query.status().ifPresent(status -> values.add(status.wireName()));
        query.text().ifPresent(text -> {
            String pattern = JooqDatabases.containsPattern(text);
            values.add(pattern); // name LIKE lower(?)
            values.add(pattern); // OR purpose_lower LIKE lower(?)
        });
        query.after().ifPresent(cursor -> {
            values.add(cursorKey(cursor));
            values.add(cursor.id().value());
        });
        values.add(query.pageSize() + 1L); // jOOQ binds a LIMIT as a long; +1: the look-ahead row (see select)
        return values;
    }

    private static Object cursorKey(DatabaseCursor cursor) {
        return cursor.sort().byName() ? cursor.key() : cursor.createdAtKey();
    }
}
