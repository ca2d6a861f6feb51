package dev.daap.domain.database;

import dev.daap.domain.common.Slugs;

/** Lowercase letters, digits and hyphens, starting with a letter, 3–63 long; immutable once created. */
public record DatabaseName(String value) {
    public DatabaseName {
        Slugs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
