package dev.daap.domain.database;

import dev.daap.domain.common.PageToken;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * The keyset position after the last row of a page: the sort key of that row and its id. A token is bound to its
 * sort order; using it with another order is an input error rather than a silently wrong page.
 *
 * @param key the row's name, or its created_at as an ISO-8601 instant, depending on {@code sort}
 */
public record DatabaseCursor(DatabaseSort sort, String key, DatabaseId id) {
    public DatabaseCursor {
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    public static DatabaseCursor after(Database last, DatabaseSort sort) {
        String key = sort.byName() ? last.name().value() : last.createdAt().toString();
        return new DatabaseCursor(sort, key, last.id());
    }

    public PageToken toToken() {
        return PageToken.encode(List.of(sort.wireName(), key, id.toString()));
    }

    /** Reads a token; throws {@link IllegalArgumentException} if it is not one of ours for this sort order. */
    public static DatabaseCursor fromToken(PageToken token, DatabaseSort expectedSort) {
        List<String> parts = token.decode(3);
        if (!parts.get(0).equals(expectedSort.wireName())) {
            throw new IllegalArgumentException("belongs to another sort order; start again without page_token");
        }
        String key = parts.get(1);
        if (expectedSort.byName()) {
            new DatabaseName(key);
        } else {
            try {
                Instant.parse(key);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a page token returned by this API");
            }
        }
        return new DatabaseCursor(expectedSort, key, DatabaseId.parse(parts.get(2)));
    }

    public Instant createdAtKey() {
        return Instant.parse(key);
    }
}
