package dev.daap.domain.database;

import dev.daap.domain.team.TeamSlug;
import java.util.Set;

/**
 * The name a database and its login role have on their cluster. DAAP names are unique per team, so the name on the
 * cluster is derived from team and name, {@code <team>_<name>} with hyphens as underscores: lowercase letters,
 * digits and underscores, which SQL never needs to quote, at most 63 bytes (PostgreSQL's NAMEDATALEN), never
 * starting with {@code pg_} (PostgreSQL keeps those names). Where the plain form would be too long, a reserved word,
 * or is taken on the cluster (team {@code a-b} with {@code c} and team {@code a} with {@code b-c} both give
 * {@code a_b_c}), a suffix from the database's id makes it distinct. Databases from before keep their names, which
 * follow {@link DatabaseName}'s rule.
 */
public record NameOnCluster(String value) {
    public static final int MAX_BYTES = 63;
    private static final int SUFFIX_LENGTH = 8;
    /** SQL keywords of this form that PostgreSQL refuses as role names even when quoted, or that read as functions. */
    private static final Set<String> RESERVED = Set.of(
            "current_user",
            "current_role",
            "session_user",
            "system_user",
            "current_catalog",
            "current_schema",
            "current_date",
            "current_time",
            "current_timestamp");

    public NameOnCluster {
        if (value == null || value.isEmpty() || value.length() > MAX_BYTES) {
            throw new IllegalArgumentException("a name on the cluster has 1 to " + MAX_BYTES + " characters");
        }
        if (!isIdentifier(value) || value.startsWith("pg_")) {
            throw new IllegalArgumentException("a name on the cluster is lowercase letters, digits, underscores and "
                    + "hyphens, starting with a letter or underscore, and not with pg_: " + value);
        }
    }

    /** The name a database stored before names were derived has on its cluster: its own. */
    public static NameOnCluster of(DatabaseName name) {
        return new NameOnCluster(name.value());
    }

    /** The plain form for a new database, or the distinct one if the plain one is too long or reserved. */
    public static NameOnCluster derive(TeamSlug team, DatabaseName name, DatabaseId id) {
        String plain = plain(team, name);
        if (plain.length() > MAX_BYTES || RESERVED.contains(plain)) {
            return distinct(team, name, id);
        }
        return new NameOnCluster(plain);
    }

    /** The form with a suffix from the database's id, for when the plain one is taken on the cluster. */
    public static NameOnCluster distinct(TeamSlug team, DatabaseName name, DatabaseId id) {
        String plain = plain(team, name);
        String hex = id.value().toString().replace("-", "");
        String suffix = "_" + hex.substring(hex.length() - SUFFIX_LENGTH); // the random end of a UUID v7
        String base = plain.substring(0, Math.min(plain.length(), MAX_BYTES - suffix.length()));
        return new NameOnCluster(stripTrailingUnderscores(base) + suffix);
    }

    /**
     * Where a deleted database and its role wait on their cluster, out of the way of new databases: {@code
     * _daap_deleted_<id>}. It starts with an underscore, which neither a derived name (team slugs start with a
     * letter) nor a name from before the fleet can, so no database ever gets it by its own name; and it comes from
     * the id alone, so a job that repeats the rename after a crash finds the same name.
     */
    public static NameOnCluster parked(DatabaseId id) {
        return new NameOnCluster("_daap_deleted_" + id.value().toString().replace("-", ""));
    }

    private static String plain(TeamSlug team, DatabaseName name) {
        String plain = (team.value() + "_" + name.value()).replace('-', '_');
        return plain.startsWith("pg_") ? "db_" + plain : plain;
    }

    private static String stripTrailingUnderscores(String text) {
        int end = text.length();
        while (end > 1 && text.charAt(end - 1) == '_') {
            end--;
        }
        return text.substring(0, end);
    }

    private static boolean isIdentifier(String value) {
        char first = value.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return value;
    }
}
