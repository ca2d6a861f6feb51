package dev.daap.domain.user;

import dev.daap.domain.common.Slugs;

/** A user's name within its database: the database naming rule (lowercase letters, digits, hyphens; 3–63). */
public record UserName(String value) {
    /** The name of the user every database has from its start: its first owner, whose login is the database's. */
    public static final UserName FIRST_OWNER = new UserName("owner");

    public UserName {
        Slugs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
