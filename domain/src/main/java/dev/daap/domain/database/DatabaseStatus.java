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
    DELETED;

    public Set<DatabaseStatus> next() {
        return switch (this) {
            case PENDING -> Set.of(PROVISIONING, FAILED, DELETING, DELETED);
            case PROVISIONING -> Set.of(READY, FAILED, DELETING);
            case READY -> Set.of(DELETING, DELETED);
            case FAILED -> Set.of(PENDING, DELETING, DELETED);
            case DELETING -> Set.of(DELETED, FAILED);
            case DELETED -> Set.of();
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

    /** True while the owner may still change purpose, labels or owner. */
    public boolean isChangeable() {
        return this != DELETING && this != DELETED;
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
        throw new IllegalArgumentException("must be one of pending, provisioning, ready, failed, deleting, deleted");
    }
}
