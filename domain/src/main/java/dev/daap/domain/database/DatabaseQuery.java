package dev.daap.domain.database;

import dev.daap.domain.team.TeamSlug;
import java.util.Optional;

/**
 * A filtered, sorted page request over live databases; over removed ones (deleted, purging, purged) too with
 * {@code includeDeleted}, or over them alone when {@code status} is one of theirs.
 *
 * @param text case-insensitive substring of name or purpose
 */
public record DatabaseQuery(
        Optional<TeamSlug> ownerTeam,
        Optional<DatabaseStatus> status,
        Optional<String> text,
        DatabaseSort sort,
        int pageSize,
        Optional<DatabaseCursor> after,
        boolean includeDeleted) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_TEXT_LENGTH = 200;

    public DatabaseQuery {
        ownerTeam = ownerTeam == null ? Optional.empty() : ownerTeam;
        status = status == null ? Optional.empty() : status;
        text = text == null ? Optional.empty() : text;
        after = after == null ? Optional.empty() : after;
        if (sort == null) {
            sort = DatabaseSort.DEFAULT;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Over live databases only (or removed ones alone, when {@code status} is one of theirs). */
    public DatabaseQuery(
            Optional<TeamSlug> ownerTeam,
            Optional<DatabaseStatus> status,
            Optional<String> text,
            DatabaseSort sort,
            int pageSize,
            Optional<DatabaseCursor> after) {
        this(ownerTeam, status, text, sort, pageSize, after, false);
    }

    /** Which rows the query reads, by {@code deleted_at}. */
    public enum Scope {
        LIVE,
        REMOVED,
        ALL
    }

    public Scope scope() {
        if (status.isPresent()) {
            return status.get().isRemoved() ? Scope.REMOVED : Scope.LIVE;
        }
        return includeDeleted ? Scope.ALL : Scope.LIVE;
    }
}
