package dev.daap.domain.common;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** One page of a keyset-paginated list; {@code next} is absent on the last page. */
public record Page<T>(List<T> items, Optional<PageToken> next) {
    public Page {
        items = List.copyOf(items);
        next = next == null ? Optional.empty() : next;
    }

    /**
     * The page from rows fetched one beyond {@code pageSize}: the extra row only says that another page follows, whose
     * token {@code tokenAfter} makes from the last row kept.
     */
    public static <T> Page<T> fromLookahead(List<T> rows, int pageSize, Function<T, PageToken> tokenAfter) {
        if (rows.size() <= pageSize) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, pageSize);
        return new Page<>(page, Optional.of(tokenAfter.apply(page.getLast())));
    }

    /** The same page with its items mapped; the token stays. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), next);
    }

    /** A page size as a client writes it; throws {@link IllegalArgumentException} unless it is 1 to {@code max}. */
    public static int parseSize(String raw, int max) {
        try {
            int size = Integer.parseInt(raw);
            if (size >= 1 && size <= max) {
                return size;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected, as for a number out of range
        }
        throw new IllegalArgumentException("must be a whole number from 1 to " + max);
    }
}
