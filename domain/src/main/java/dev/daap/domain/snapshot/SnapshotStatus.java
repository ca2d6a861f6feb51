package dev.daap.domain.snapshot;

import dev.daap.domain.error.IllegalTransitionException;
import java.util.Locale;
import java.util.Set;

/** creating → ready or failed; ready or failed → deleting → deleted (or failed, when dropping it failed). */
public enum SnapshotStatus {
    CREATING,
    READY,
    FAILED,
    DELETING,
    DELETED;

    public Set<SnapshotStatus> next() {
        return switch (this) {
            case CREATING -> Set.of(READY, FAILED);
            case READY, FAILED -> Set.of(DELETING);
            case DELETING -> Set.of(DELETED, FAILED);
            case DELETED -> Set.of();
        };
    }

    public SnapshotStatus moveTo(SnapshotStatus target) {
        if (!next().contains(target)) {
            throw new IllegalTransitionException(
                    "a snapshot cannot go from " + wireName() + " to " + target.wireName());
        }
        return target;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SnapshotStatus fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
