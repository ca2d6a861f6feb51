package dev.daap.domain.backup;

import java.util.Objects;
import java.util.UUID;

/** A backup's id (UUID v7); it also names the backup's object in the store, see {@link #storeKey()}. */
public record BackupId(UUID value) {
    public BackupId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical 36-character form only. */
    public static BackupId parse(String raw) {
        if (raw == null || raw.length() != 36) {
            throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
        }
        try {
            return new BackupId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
        }
    }

    /** The name of its object in the store: one per backup, so a retried upload replaces its own leftovers only. */
    public String storeKey() {
        return value + ".dump.daapenc";
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
