package dev.daap.domain.database;

import dev.daap.domain.common.Slugs;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lowercase letters, digits and hyphens, starting with a letter, 3–63 long; immutable once created. A new database
 * must also not take a {@linkplain #RESERVED reserved} name: see {@link #forNewDatabase}.
 */
public record DatabaseName(String value) {
    /**
     * Names a database must not take, because a cluster already has a database or role of that name that DAAP did
     * not make (so the provisioner refuses it and the database would only fail), or PostgreSQL refuses it as a role
     * name: {@code postgres}, {@code template0} and {@code template1} are on every cluster; {@code public} and
     * {@code none} are refused as role names; {@code daap} is DAAP's own role and database in {@code compose.yaml}.
     * PostgreSQL's other reserved names all start with {@code pg_}, which the naming rule already excludes.
     */
    public static final Set<String> RESERVED = Set.of("postgres", "template0", "template1", "public", "none", "daap");

    /**
     * Checks the naming rule only, so a record stored before a name became reserved still loads; a new database's
     * name comes from {@link #forNewDatabase}.
     */
    public DatabaseName {
        Slugs.check(value);
    }

    /** The name of a database about to be created: the naming rule, and not a {@linkplain #RESERVED reserved} name. */
    public static DatabaseName forNewDatabase(String value) {
        var name = new DatabaseName(value);
        if (RESERVED.contains(value)) {
            throw new IllegalArgumentException("is reserved: the cluster or PostgreSQL itself uses it; choose another "
                    + "name (reserved: " + String.join(", ", new TreeSet<>(RESERVED)) + ")");
        }
        return name;
    }

    @Override
    public String toString() {
        return value;
    }
}
