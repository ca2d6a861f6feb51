package dev.daap.adapters.postgres;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * SQL rendered by jOOQ once for each shape of a statement (what decides its text: which filters or columns it has,
 * not their values) and then reused with each statement's own values through {@link RenderedSql}. The shapes must
 * be few: each is kept for the life of the instance.
 *
 * @param <S> what a statement is built from: a query, a filter, a record
 */
public final class SqlByShape<S> {
    private final Map<Object, String> rendered = new ConcurrentHashMap<>();
    private final Function<S, ?> shapeOf;
    private final Function<S, String> render;

    /**
     * @param shapeOf the shape of a source: a value with equals and hashCode
     * @param render  jOOQ's SQL for a source; called once per shape, with the first source of that shape
     */
    public SqlByShape(Function<S, ?> shapeOf, Function<S, String> render) {
        this.shapeOf = shapeOf;
        this.render = render;
    }

    public String sql(S source) {
        return rendered.computeIfAbsent(shapeOf.apply(source), shape -> render.apply(source));
    }
}
