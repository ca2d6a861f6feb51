package dev.daap.domain.backup;

import dev.daap.domain.common.PageToken;
import dev.daap.domain.database.DatabaseId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page of one database's live backups, newest first, after {@code after} when set. A page token names its
 * database as well as its position, so a token used on another database's backups is refused, not followed.
 */
public record BackupQuery(DatabaseId database, int pageSize, Optional<Position> after) {
    /** As every list's: a database may hold 100 backups taken on request and up to 1,000 by its schedule. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    public static final int MAX_PAGE_SIZE = 500;
    private static final String TOKEN_KIND = "backups";

    /** Where the previous page ended: its last backup's creation and id (the order's keys). */
    public record Position(Instant createdAt, BackupId id) {
        public Position {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(id, "id");
        }
    }

    public BackupQuery {
        Objects.requireNonNull(database, "database");
        after = after == null ? Optional.empty() : after;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** The first page of {@code database}'s backups. */
    public static BackupQuery first(DatabaseId database, int pageSize) {
        return new BackupQuery(database, pageSize, Optional.empty());
    }

    /** The token of the page after the one that ended with {@code last}. */
    public static PageToken tokenAfter(Backup last) {
        return PageToken.encode(List.of(
                TOKEN_KIND,
                last.databaseId().toString(),
                last.createdAt().toString(),
                last.id().toString()));
    }

    /**
     * Where a token continues; throws {@link IllegalArgumentException} for a token that is not of this database's
     * backups.
     */
    public static Position positionOf(PageToken token, DatabaseId database) {
        List<String> parts = token.decode(4);
        if (!parts.get(0).equals(TOKEN_KIND) || !parts.get(1).equals(database.toString())) {
            throw new IllegalArgumentException("is not a page token of this database's backups");
        }
        try {
            return new Position(Instant.parse(parts.get(2)), new BackupId(UUID.fromString(parts.get(3))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
    }
}
