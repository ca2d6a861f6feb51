package dev.daap.domain.database;

import dev.daap.domain.common.PageToken;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The keyset position after the last row of a page: the sort key of that row and its id. A token is bound to its
 * sort order and to the filters of its query; using it with another order or other filters is an input error
 * rather than a silently different page.
 *
 * @param key     the row's name, its created_at as an ISO-8601 instant, or its search rank, depending on {@code sort}
 * @param filters the {@link DatabaseQuery#filters()} of the query whose page this follows
 */
public record DatabaseCursor(DatabaseSort sort, String key, DatabaseId id, String filters) {
    public DatabaseCursor {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
        filters = filters == null ? "" : filters;
    }

    public DatabaseCursor(DatabaseSort sort, String key, DatabaseId id) {
        this(sort, key, id, "");
    }

    public static DatabaseCursor after(Database last, DatabaseQuery query) {
        DatabaseSort sort = query.sort();
        if (sort.byRank()) {
            throw new IllegalArgumentException("a position by relevance needs the row's rank: use afterRank");
        }
        String key = sort.byName() ? last.name().value() : last.createdAt().toString();
        return new DatabaseCursor(sort, key, last.id(), query.filters());
    }

    /** After a row of a search ordered by relevance, whose rank the store computed. */
    public static DatabaseCursor afterRank(float rank, DatabaseId id, DatabaseQuery query) {
        return new DatabaseCursor(DatabaseSort.RELEVANCE, Float.toString(rank), id, query.filters());
    }

    public PageToken toToken() {
        return PageToken.encode(List.of(sort.wireName(), key, id.toString(), filters));
    }

    /**
     * Reads a token; throws {@link IllegalArgumentException} if it is not one of ours for this sort order and these
     * filters.
     */
    public static DatabaseCursor fromToken(PageToken token, DatabaseSort expectedSort, String expectedFilters) {
        List<String> parts = token.decode(4);
        if (!parts.get(0).equals(expectedSort.wireName())) {
            throw new IllegalArgumentException("belongs to another sort order; start again without page_token");
        }
        if (!parts.get(3).equals(expectedFilters)) {
            throw new IllegalArgumentException("belongs to other filters; start again without page_token");
        }
        String key = parts.get(1);
        try {
            if (expectedSort.byName()) {
                new DatabaseName(key);
            } else if (expectedSort.byRank()) {
                Float.parseFloat(key);
            } else {
                Instant.parse(key);
            }
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
        return new DatabaseCursor(expectedSort, key, DatabaseId.parse(parts.get(2)), expectedFilters);
    }

    public Instant createdAtKey() {
        return Instant.parse(key);
    }

    public float rankKey() {
        return Float.parseFloat(key);
    }
}
