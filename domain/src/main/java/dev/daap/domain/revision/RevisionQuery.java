package dev.daap.domain.revision;

import dev.daap.domain.common.PageToken;
import dev.daap.domain.database.DatabaseId;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A page of one database's revisions, newest first, after {@code beforeVersion} when set. A page token names its
 * database as well as its position, so a token used on another database's revisions is refused, not followed.
 */
public record RevisionQuery(DatabaseId database, int pageSize, OptionalLong beforeVersion) {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String TOKEN_KIND = "revisions";

    public RevisionQuery {
        Objects.requireNonNull(database, "database");
        beforeVersion = beforeVersion == null ? OptionalLong.empty() : beforeVersion;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** The token of the page after the one that ended with {@code last}. */
    public static PageToken tokenAfter(Revision last) {
        return PageToken.encode(List.of(TOKEN_KIND, last.database().toString(), Long.toString(last.version())));
    }

    /**
     * The version a token continues before; throws {@link IllegalArgumentException} for a token that is not of this
     * database's revisions.
     */
    public static long positionOf(PageToken token, DatabaseId database) {
        List<String> parts = token.decode(3);
        if (!parts.get(0).equals(TOKEN_KIND) || !parts.get(1).equals(database.toString())) {
            throw new IllegalArgumentException("is not a page token of this database's revisions");
        }
        try {
            return Long.parseLong(parts.get(2));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
    }
}
