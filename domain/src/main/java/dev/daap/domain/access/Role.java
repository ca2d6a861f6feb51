package dev.daap.domain.access;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What an API key may do, from least to most: each role can do everything of the ones before it. A platform
 * admin belongs to no team and may act on every team.
 */
public enum Role {
    /** Reads the team's databases and operations; no secrets. */
    VIEWER("viewer"),
    /** Also creates, changes and deletes the team's databases, and reads and rotates their credentials. */
    MEMBER("member"),
    /** Also manages the team's API keys and reads its audit log. */
    ADMIN("admin"),
    /** Everything, on every team; creates teams. */
    PLATFORM_ADMIN("platform_admin");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role of a team key named {@code wireName}; platform_admin is not a team role. */
    public static Role teamRole(String wireName) {
        for (Role role : values()) {
            if (role != PLATFORM_ADMIN && role.wireName.equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("must be one of "
                + Arrays.stream(values())
                        .filter(r -> r != PLATFORM_ADMIN)
                        .map(Role::wireName)
                        .collect(Collectors.joining(", ")));
    }

    /** Any role by its wire name, as stored. */
    public static Role fromWireName(String wireName) {
        for (Role role : values()) {
            if (role.wireName.equals(wireName)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role " + wireName);
    }
}
