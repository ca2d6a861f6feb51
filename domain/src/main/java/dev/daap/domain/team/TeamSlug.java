package dev.daap.domain.team;

import dev.daap.domain.common.Slugs;

/** A team's stable identifier: lowercase letters, digits and hyphens, starting with a letter, 3–63 long. */
public record TeamSlug(String value) {
    public TeamSlug {
        Slugs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
