package dev.daap.domain.user;

import java.util.Locale;

/**
 * {@code creating} until its job made its login, {@code ready}, then {@code deleting} until its logins are gone;
 * {@code failed} when its job gave up making the login (it can be deleted, and its name given again).
 */
public enum UserStatus {
    CREATING,
    READY,
    FAILED,
    DELETING,
    DELETED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserStatus fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
