package dev.daap.domain.job;

import java.util.Locale;

/** What a job does to a database on the target cluster. */
public enum JobKind {
    PROVISION,
    DEPROVISION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobKind fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
