package dev.daap.domain.user;

import java.util.Locale;

/** Which of a user's two logins: they take turns, so a rotation can let the previous one work a while longer. */
public enum LoginSlot {
    A,
    B;

    public LoginSlot other() {
        return this == A ? B : A;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LoginSlot fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
