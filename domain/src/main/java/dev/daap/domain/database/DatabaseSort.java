package dev.daap.domain.database;

/**
 * The orders a database list can come in; each is a keyset on (key, id) so pages never skip or repeat. Relevance is
 * a keyset on (rank descending, id ascending).
 */
public enum DatabaseSort {
    NAME("name", false),
    NAME_DESC("-name", true),
    CREATED_AT("created_at", false),
    CREATED_AT_DESC("-created_at", true),
    /** With a search: the best matches first (rank descending), then by id; the default when there is a search. */
    RELEVANCE("relevance", true);

    public static final DatabaseSort DEFAULT = CREATED_AT;

    private final String wireName;
    private final boolean descending;

    DatabaseSort(String wireName, boolean descending) {
        this.wireName = wireName;
        this.descending = descending;
    }

    public String wireName() {
        return wireName;
    }

    public boolean descending() {
        return descending;
    }

    public boolean byRank() {
        return this == RELEVANCE;
    }

    public boolean byName() {
        return this == NAME || this == NAME_DESC;
    }

    public static DatabaseSort fromWireName(String raw) {
        for (DatabaseSort sort : values()) {
            if (sort.wireName.equals(raw)) {
                return sort;
            }
        }
        throw new IllegalArgumentException("must be one of name, -name, created_at, -created_at, relevance");
    }
}
