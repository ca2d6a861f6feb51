package dev.daap.domain.database;

import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.team.TeamSlug;
import java.util.List;
import java.util.Optional;

/**
 * A filtered, sorted page request over live databases; over removed ones (deleted, purging, purged) too with
 * {@code includeDeleted}, or over them alone when {@code status} is one of theirs.
 *
 * @param text    case-insensitive substring of name or purpose
 * @param name    the database of exactly this name
 * @param labels  every selector must match
 * @param search  full-text search over purpose and label values, in web search syntax (phrases, {@code or},
 *                {@code -word}); with {@link DatabaseSort#RELEVANCE} the best matches come first
 * @param includeDeleted removed databases too (unless {@code status} already picks live or removed ones)
 * @param filters what a page token of this query is bound to (see {@link DatabaseCursor}): the filters as the
 *                client gave them, so a token used with other filters is refused
 * @param cluster the databases placed on this cluster
 */
public record DatabaseQuery(
        Optional<TeamSlug> ownerTeam,
        Optional<DatabaseStatus> status,
        Optional<String> text,
        Optional<DatabaseName> name,
        List<LabelSelector> labels,
        Optional<String> search,
        DatabaseSort sort,
        int pageSize,
        Optional<DatabaseCursor> after,
        boolean includeDeleted,
        String filters,
        Optional<ClusterName> cluster) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_TEXT_LENGTH = 200;
    public static final int MAX_LABEL_SELECTORS = 10;

    public DatabaseQuery {
        ownerTeam = ownerTeam == null ? Optional.empty() : ownerTeam;
        status = status == null ? Optional.empty() : status;
        text = text == null ? Optional.empty() : text;
        name = name == null ? Optional.empty() : name;
        labels = labels == null ? List.of() : List.copyOf(labels);
        search = search == null ? Optional.empty() : search;
        after = after == null ? Optional.empty() : after;
        filters = filters == null ? "" : filters;
        cluster = cluster == null ? Optional.empty() : cluster;
        if (sort == null) {
            sort = DatabaseSort.DEFAULT;
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (labels.size() > MAX_LABEL_SELECTORS) {
            throw new IllegalArgumentException("at most " + MAX_LABEL_SELECTORS + " label selectors");
        }
        if (sort == DatabaseSort.RELEVANCE && search.isEmpty()) {
            throw new IllegalArgumentException("relevance needs a search");
        }
    }

    /** On any cluster. */
    public DatabaseQuery(
            Optional<TeamSlug> ownerTeam,
            Optional<DatabaseStatus> status,
            Optional<String> text,
            Optional<DatabaseName> name,
            List<LabelSelector> labels,
            Optional<String> search,
            DatabaseSort sort,
            int pageSize,
            Optional<DatabaseCursor> after,
            boolean includeDeleted,
            String filters) {
        this(
                ownerTeam,
                status,
                text,
                name,
                labels,
                search,
                sort,
                pageSize,
                after,
                includeDeleted,
                filters,
                Optional.empty());
    }

    /** Without name, labels and search; over live databases only (or removed ones alone, when {@code status} is one of theirs). */
    public DatabaseQuery(
            Optional<TeamSlug> ownerTeam,
            Optional<DatabaseStatus> status,
            Optional<String> text,
            DatabaseSort sort,
            int pageSize,
            Optional<DatabaseCursor> after) {
        this(ownerTeam, status, text, sort, pageSize, after, false);
    }

    /** Without name, labels and search; removed databases too with {@code includeDeleted}. */
    public DatabaseQuery(
            Optional<TeamSlug> ownerTeam,
            Optional<DatabaseStatus> status,
            Optional<String> text,
            DatabaseSort sort,
            int pageSize,
            Optional<DatabaseCursor> after,
            boolean includeDeleted) {
        this(
                ownerTeam,
                status,
                text,
                Optional.empty(),
                List.of(),
                Optional.empty(),
                sort,
                pageSize,
                after,
                includeDeleted,
                "");
    }

    /** The same query restricted to one team (what a team's key may see). */
    public DatabaseQuery ofTeam(TeamSlug team) {
        return new DatabaseQuery(
                Optional.of(team),
                status,
                text,
                name,
                labels,
                search,
                sort,
                pageSize,
                after,
                includeDeleted,
                filters,
                cluster);
    }

    /** The same query from its start, with pages of {@code size}. */
    public DatabaseQuery withPageSize(int size) {
        return new DatabaseQuery(
                ownerTeam,
                status,
                text,
                name,
                labels,
                search,
                sort,
                size,
                Optional.empty(),
                includeDeleted,
                filters,
                cluster);
    }

    /** The same query from another position. */
    public DatabaseQuery startingAfter(DatabaseCursor cursor) {
        return new DatabaseQuery(
                ownerTeam,
                status,
                text,
                name,
                labels,
                search,
                sort,
                pageSize,
                Optional.of(cursor),
                includeDeleted,
                filters,
                cluster);
    }

    /** The selectors that need a value, then those that need a key only: the order the SQL takes them in. */
    public List<LabelSelector> labelValues() {
        return labels.stream().filter(s -> s.value().isPresent()).toList();
    }

    public List<LabelSelector> labelKeys() {
        return labels.stream().filter(s -> s.value().isEmpty()).toList();
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
