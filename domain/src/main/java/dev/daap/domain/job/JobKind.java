package dev.daap.domain.job;

import java.util.Locale;

/**
 * What a job does to a database on the target cluster. {@code DEPROVISION} dropped a database before deletion could
 * be undone; a job of it still queued from then is run as a purge.
 */
public enum JobKind {
    PROVISION,
    DEPROVISION,
    /** Blocks logins, ends sessions and renames database and role out of the way; the data stays. */
    DEACTIVATE,
    /** Brings a deactivated database back under its name, with its data and credentials. */
    RESTORE,
    /** Drops the database and its role for good. */
    PURGE,
    /** Copies a database into a new snapshot. */
    SNAPSHOT,
    /** Drops a snapshot's copy. */
    SNAPSHOT_DELETE,
    /** Puts a database back to a snapshot, keeping what it replaces as another. */
    SNAPSHOT_RESTORE,
    /** Dumps a database into the backup store. */
    BACKUP,
    /** Removes a backup from the backup store. */
    BACKUP_DELETE,
    /** Gives a database made before access levels its three group roles and their privileges (queued at upgrade). */
    SET_UP_ACCESS,
    /** Makes a new user's first login on the cluster (its password is stored already). */
    USER_CREATE,
    /** Drops a deleted user's logins and ends their sessions. */
    USER_DELETE,
    /** Closes the login a rotation left working, when its overlap ends or is revoked, and ends its sessions. */
    USER_END_PREVIOUS,
    /** Gives every user of a database moved to another team new credentials, closing the ones the old team knew. */
    USERS_ROTATE_AFTER_MOVE,
    /** Restores a backup into a scratch database, compares its tables with the recorded ones, and drops it. */
    BACKUP_DRILL,
    /** Applies a database's plan and quota state on its cluster (connection limit, read-only over its storage limit). */
    APPLY_PLAN,
    /** Copies a database to another cluster behind a read-only switch, and leaves its old copy behind as deleted. */
    MOVE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
