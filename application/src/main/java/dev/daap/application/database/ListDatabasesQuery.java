package dev.daap.application.database;

import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.team.TeamSlug;
import java.util.Optional;

/** Turns the raw list parameters into a {@link DatabaseQuery}, naming every bad parameter at once. */
public final class ListDatabasesQuery {
    private ListDatabasesQuery() {}

    /** Every argument may be null (absent). */
    public static DatabaseQuery of(
            String ownerTeam, String status, String text, String sort, String pageSize, String pageToken) {
        return of(ownerTeam, status, text, sort, pageSize, pageToken, null);
    }

    /** Every argument may be null (absent); {@code includeDeleted} is {@code true} or {@code false}. */
    public static DatabaseQuery of(
            String ownerTeam,
            String status,
            String text,
            String sort,
            String pageSize,
            String pageToken,
            String includeDeleted) {
        var validation = new Validation();
        TeamSlug team = validation.optionalField("owner_team", ownerTeam, TeamSlug::new);
        DatabaseStatus validStatus = validation.optionalField("status", status, DatabaseStatus::fromWireName);
        String validText = validation.optionalField("q", text, ListDatabasesQuery::searchText);
        DatabaseSort validSort =
                sort == null ? DatabaseSort.DEFAULT : validation.field("sort", () -> DatabaseSort.fromWireName(sort));
        Integer size = pageSize == null
                ? DatabaseQuery.DEFAULT_PAGE_SIZE
                : validation.field("page_size", () -> Page.parseSize(pageSize, DatabaseQuery.MAX_PAGE_SIZE));
        DatabaseCursor after = null;
        if (pageToken != null && validSort != null) {
            after = validation.field("page_token", () -> DatabaseCursor.fromToken(new PageToken(pageToken), validSort));
        }
        Boolean withDeleted = validation.optionalField("include_deleted", includeDeleted, ListDatabasesQuery::flag);
        validation.throwIfInvalid();
        return new DatabaseQuery(
                Optional.ofNullable(team),
                Optional.ofNullable(validStatus),
                Optional.ofNullable(validText),
                validSort,
                size,
                Optional.ofNullable(after),
                Boolean.TRUE.equals(withDeleted));
    }

    private static Boolean flag(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static String searchText(String raw) {
        if (raw.isBlank()) {
            throw new IllegalArgumentException("must not be blank");
        }
        if (raw.length() > DatabaseQuery.MAX_TEXT_LENGTH || raw.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException(
                    "must be at most " + DatabaseQuery.MAX_TEXT_LENGTH + " characters, without NUL");
        }
        return raw;
    }
}
