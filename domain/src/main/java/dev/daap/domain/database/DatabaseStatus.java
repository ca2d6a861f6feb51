package dev.daap.domain.database;

import dev.daap.domain.error.IllegalTransitionException;
import java.util.Locale;
import java.util.Set;

/** Where a database is in its life; the allowed moves between states are the domain's rule. */
public enum DatabaseStatus {
    PENDING,
    PROVISIONING,
    READY,
    FAILED,
    DELETING,
    DELETED,
    RESTORING,
    PURGING,
    PURGED,
    /** Being copied to another cluster: read-only for the switch, then {@code ready} there (or failed, still here). */
    MOVING;

    public Set<DatabaseStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PROVISIONING, FAILED, DELETING, DELETED, PURGING);
            case PROVISIONING -> Set.of(READY, FAILED, DELETING, PURGING);
            case READY -> Set.of(DELETING, DELETED, PURGING, MOVING);
            case FAILED -> Set.of(PENDING, DELETING, DELETED, RESTORING, PURGING, MOVING);
            case DELETING -> Set.of(DELETED, FAILED, PURGING);
            case DELETED -> Set.of(RESTORING, PURGING);
            case RESTORING -> Set.of(READY, FAILED);
            case PURGING -> Set.of(PURGED);
            case PURGED -> Set.of();
            case MOVING -> Set.of(READY, FAILED);
        };
    }

    public boolean canMoveTo(DatabaseStatus target) {
        return next().contains(target);
    }

    public DatabaseStatus moveTo(DatabaseStatus target) {
        if (!canMoveTo(target)) {
            throw new IllegalTransitionException(
                    "a database cannot go from " + wireName() + " to " + target.wireName());
        }
        return target;
    }

    /** True while the owner may still change purpose, labels, owner or deletion protection. */
    public boolean isChangeable() {
        return !isOnTheWayOut() && this != RESTORING && this != MOVING;
    }

    /** Deleting, deleted (restorable), being purged or purged: no longer in use. */
    public boolean isOnTheWayOut() {
        return this == DELETING || this == DELETED || this == PURGING || this == PURGED;
    }

    /** Off the live set: its name is free, and it lists only when asked for ({@code deleted_at} is set). */
    public boolean isRemoved() {
        return this == DELETED || this == PURGING || this == PURGED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DatabaseStatus fromWireName(String raw) {
        for (DatabaseStatus status : values()) {
            if (status.wireName().equals(raw)) {
                return status;
            }
        }
        throw new IllegalArgumentException(
                "must be one of pending, provisioning, ready, failed, deleting, deleted, restoring, purging, purged,"
                        + " moving");
    }
}
