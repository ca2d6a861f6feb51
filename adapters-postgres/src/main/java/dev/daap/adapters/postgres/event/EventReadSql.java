package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.SqlByShape;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The SQL of a read of the event log, rendered by jOOQ once for each shape of filter and then reused with the read's
 * values. The relay reads the log after every batch of notifications, and rendering the read anew each time was a
 * fiftieth of the JVM's CPU per create. {@link #binds} must give the values in the order jOOQ renders their
 * placeholders; EventReadSqlTest checks that against jOOQ for every shape.
 */
final class EventReadSql {
    /** What decides the SQL's text: which filters are present, and how many types (one placeholder each). */
    private record Shape(boolean team, int types, boolean resource) {
        static Shape of(EventFilter filter) {
            return new Shape(
                    filter.team().isPresent(),
                    filter.types().size(),
                    filter.resourceId().isPresent());
        }
    }

    private final SqlByShape<EventFilter> rendered;

    /** @param render jOOQ's SQL for a read with a filter; called once per shape, with the first filter of it */
    EventReadSql(Function<EventFilter, String> render) {
        this.rendered = new SqlByShape<>(Shape::of, render);
    }

    String sql(EventFilter filter) {
        return rendered.sql(filter);
    }

    /** The bind values of a read, as jOOQ holds them, in the order of the SQL's placeholders. */
    static List<Object> binds(EventPosition after, EventFilter filter, int limit) {
        List<Object> values = new ArrayList<>(5 + filter.types().size());
        values.add(after.xid());
        values.add(after.seq());
        filter.team().ifPresent(team -> values.add(team.value()));
        for (EventType type : filter.types()) { // the IN list's placeholders: any order of the types matches them
            values.add(type.wireName());
        }
        filter.resourceId().ifPresent(values::add);
        values.add((long) limit); // jOOQ binds a LIMIT as a long
        return values;
    }
}
