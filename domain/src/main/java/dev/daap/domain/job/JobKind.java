package dev.daap.domain.job;

import java.util.Locale;

/** What a job does to a database on the target cluster. */
public enum JobKind {
    PROVISION,
    DEPROVISION,
    /** Copies a database into a new snapshot. */
    SNAPSHOT,
    /** Drops a snapshot's copy. */
    SNAPSHOT_DELETE,
    /** Puts a database back to a snapshot, keeping what it replaces as another. */
    SNAPSHOT_RESTORE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
