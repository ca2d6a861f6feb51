package dev.daap.adapters.postgres.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * The bind values of a {@link HotStatement}, each made from a function of the statement's source: the query being
 * built gets the value for the source at hand, and the function is kept to take every later call's value from its
 * own source. Every bind value of a hot statement must come from here; one that does not is refused when the
 * statement is first rendered.
 *
 * @param <S> what the statement is built from
 */
public final class Binds<S> {
    private final S source;
    private final Map<Param<?>, Function<? super S, ?>> functions = new IdentityHashMap<>();

    Binds(S source) {
        this.source = source;
    }

    /** A bind value of {@code column}'s type, as in {@code column.eq(value)}. */
    public <T> Param<T> value(Field<T> column, Function<? super S, ? extends T> value) {
        return kept(DSL.val(value.apply(source), column), value);
    }

    /** A bind value of {@code type}, for one that is not compared with a column (a pattern, a limit). */
    public <T> Param<T> value(DataType<T> type, Function<? super S, ? extends T> value) {
        return kept(DSL.val(value.apply(source), type), value);
    }

    /** The functions behind {@code params}, in their order; fails on a value that was not made here. */
    List<Function<? super S, ?>> functionsOf(Collection<Param<?>> params) {
        List<Function<? super S, ?>> ordered = new ArrayList<>(params.size());
        for (Param<?> param : params) {
            Function<? super S, ?> function = functions.get(param);
            if (function == null) {
                throw new IllegalStateException("bind value " + (ordered.size() + 1) + " (" + param
                        + ") was not made by Binds.value: later calls could not give it their own value");
            }
            ordered.add(function);
        }
        return ordered;
    }

    private <T> Param<T> kept(Param<T> param, Function<? super S, ?> value) {
        functions.put(param, value);
        return param;
    }
}
