package dev.daap.domain.database;

import java.util.Objects;
import java.util.UUID;

public record DatabaseId(UUID value) {
    public DatabaseId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses the canonical 36-character form only; {@link UUID#fromString} alone accepts odd shapes. */
    public static DatabaseId parse(String raw) {
        if (raw == null || raw.length() != 36) {
            throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
        }
        try {
            return new DatabaseId(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
