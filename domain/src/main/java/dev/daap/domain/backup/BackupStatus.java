package dev.daap.domain.backup;

import dev.daap.domain.error.IllegalTransitionException;
import java.util.Locale;
import java.util.Set;

/** creating → ready or failed; ready or failed → deleting → deleted (or failed, when removing it failed). */
public enum BackupStatus {
    CREATING,
    READY,
    FAILED,
    DELETING,
    DELETED;

    public Set<BackupStatus> next() {
        return switch (this) {
            case CREATING -> Set.of(READY, FAILED);
            case READY, FAILED -> Set.of(DELETING);
            case DELETING -> Set.of(DELETED, FAILED);
            case DELETED -> Set.of();
        };
    }

    public BackupStatus moveTo(BackupStatus target) {
        if (!next().contains(target)) {
            throw new IllegalTransitionException("a backup cannot go from " + wireName() + " to " + target.wireName());
        }
        return target;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BackupStatus fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
