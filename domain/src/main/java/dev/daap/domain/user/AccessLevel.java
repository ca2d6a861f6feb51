package dev.daap.domain.user;

import dev.daap.domain.database.DatabaseId;
import java.util.Locale;

/**
 * What a user of a database may do in it. Each level is a group role (no login) per database on its cluster, and a
 * user's logins are members of one: {@code owner} creates, changes and drops objects (whatever it creates belongs to
 * the owner group, whichever owner login made it); {@code read_write} reads and writes the rows of every table and
 * sequence but creates nothing; {@code read_only} reads them.
 */
public enum AccessLevel {
    OWNER,
    READ_WRITE,
    READ_ONLY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessLevel fromWireName(String raw) {
        for (AccessLevel level : values()) {
            if (level.wireName().equals(raw)) {
                return level;
            }
        }
        throw new IllegalArgumentException("must be owner, read_write or read_only");
    }

    /**
     * The group role of this level on the cluster: {@code daap.<database id>.<level>}. It holds dots, which no name of
     * a database on the cluster (see {@link dev.daap.domain.database.NameOnCluster}) can, and the database's id,
     * which never changes, so it collides with nothing and a deletion, restore or rename never has to move it.
     */
    public String groupRole(DatabaseId database) {
        return "daap." + database.value().toString().replace("-", "") + "." + wireName();
    }
}
