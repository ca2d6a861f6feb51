package dev.daap.application.database;

import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseCursor;
import dev.daap.domain.database.DatabaseName;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.database.DatabaseSort;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.LabelSelector;
import dev.daap.domain.team.TeamSlug;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Turns the raw list parameters into a {@link DatabaseQuery}, naming every bad parameter at once. */
public final class ListDatabasesQuery {
    private ListDatabasesQuery() {}

    /**
     * The parameters as a client sent them; every one but {@code labels} may be null (absent).
     *
     * @param text   {@code q}: a substring of name or purpose
     * @param labels {@code label}, repeated: {@code key:value} or {@code key}
     * @param search full text over purpose and label values
     * @param includeDeleted {@code true} or {@code false}: removed databases too
     */
    public record Parameters(
            String ownerTeam,
            String status,
            String text,
            String name,
            List<String> labels,
            String search,
            String includeDeleted,
            String sort,
            String pageSize,
            String pageToken,
            String cluster) {
        public Parameters {
            labels = labels == null ? List.of() : List.copyOf(labels);
        }

        /** On any cluster. */
        public Parameters(
                String ownerTeam,
                String status,
                String text,
                String name,
                List<String> labels,
                String search,
                String includeDeleted,
                String sort,
                String pageSize,
                String pageToken) {
            this(ownerTeam, status, text, name, labels, search, includeDeleted, sort, pageSize, pageToken, null);
        }

        /** The first parameters the list had: owner_team, status, q, sort, page_size and page_token. */
        public static Parameters of(
                String ownerTeam, String status, String text, String sort, String pageSize, String pageToken) {
            return new Parameters(ownerTeam, status, text, null, List.of(), null, null, sort, pageSize, pageToken);
        }
    }

    /** Every argument may be null (absent). */
    public static DatabaseQuery of(
            String ownerTeam, String status, String text, String sort, String pageSize, String pageToken) {
        return of(Parameters.of(ownerTeam, status, text, sort, pageSize, pageToken));
    }

    public static DatabaseQuery of(Parameters raw) {
        var validation = new Validation();
        TeamSlug team = validation.optionalField("owner_team", raw.ownerTeam(), TeamSlug::new);
        DatabaseStatus validStatus = validation.optionalField("status", raw.status(), DatabaseStatus::fromWireName);
        String validText = validation.optionalField("q", raw.text(), ListDatabasesQuery::searchText);
        DatabaseName name = validation.optionalField("name", raw.name(), DatabaseName::new);
        ClusterName cluster = validation.optionalField("cluster", raw.cluster(), ClusterName::new);
        String search = validation.optionalField("search", raw.search(), ListDatabasesQuery::searchText);
        List<LabelSelector> labels = labels(raw.labels(), validation);
        boolean includeDeleted = Boolean.TRUE.equals(
                validation.optionalField("include_deleted", raw.includeDeleted(), ListDatabasesQuery::flag));
        DatabaseSort validSort = sort(raw.sort(), search != null, validation);
        Integer size = raw.pageSize() == null
                ? DatabaseQuery.DEFAULT_PAGE_SIZE
                : validation.field("page_size", () -> Page.parseSize(raw.pageSize(), DatabaseQuery.MAX_PAGE_SIZE));
        String filters = fingerprint(team, validStatus, validText, name, labels, search, includeDeleted, cluster);
        DatabaseCursor after = null;
        if (raw.pageToken() != null && validSort != null) {
            after = validation.field(
                    "page_token", () -> DatabaseCursor.fromToken(new PageToken(raw.pageToken()), validSort, filters));
        }
        validation.throwIfInvalid();
        return new DatabaseQuery(
                Optional.ofNullable(team),
                Optional.ofNullable(validStatus),
                Optional.ofNullable(validText),
                Optional.ofNullable(name),
                labels,
                Optional.ofNullable(search),
                validSort,
                size,
                Optional.ofNullable(after),
                includeDeleted,
                filters,
                Optional.ofNullable(cluster));
    }

    /** A search orders by relevance unless {@code sort} says otherwise; relevance needs a search. */
    private static DatabaseSort sort(String raw, boolean searching, Validation validation) {
        if (raw == null) {
            return searching ? DatabaseSort.RELEVANCE : DatabaseSort.DEFAULT;
        }
        return validation.field("sort", () -> {
            DatabaseSort sort = DatabaseSort.fromWireName(raw);
            if (sort.byRank() && !searching) {
                throw new IllegalArgumentException("relevance needs a search= to rank by");
            }
            return sort;
        });
    }

    private static List<LabelSelector> labels(List<String> raw, Validation validation) {
        if (raw.size() > DatabaseQuery.MAX_LABEL_SELECTORS) {
            validation.field("label", () -> {
                throw new IllegalArgumentException(
                        "must be given at most " + DatabaseQuery.MAX_LABEL_SELECTORS + " times");
            });
            return List.of();
        }
        List<LabelSelector> selectors = new ArrayList<>();
        for (String selector : raw) {
            LabelSelector parsed = validation.field("label", () -> LabelSelector.parse(selector));
            if (parsed != null) {
                selectors.add(parsed);
            }
        }
        return selectors;
    }

    /**
     * What a page token is bound to: a digest of the filters (not the sort, which the token names itself), so the
     * token stays short whatever the filters, and says nothing of them.
     */
    private static String fingerprint(
            TeamSlug team,
            DatabaseStatus status,
            String text,
            DatabaseName name,
            List<LabelSelector> labels,
            String search,
            boolean includeDeleted,
            ClusterName cluster) {
        List<String> sortedLabels =
                labels.stream().map(LabelSelector::toString).sorted().toList();
        String canonical = String.join(
                "\u001f",
                String.valueOf(team),
                String.valueOf(status),
                String.valueOf(text),
                String.valueOf(name),
                String.join("\u001e", sortedLabels),
                String.valueOf(search),
                String.valueOf(includeDeleted));
        if (cluster != null) {
            canonical +=
                    "\u001f" + cluster.value(); // only when present: tokens made before the filter existed stay valid
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
