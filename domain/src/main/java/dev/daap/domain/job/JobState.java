package dev.daap.domain.job;

import java.util.Locale;

/** scheduled → running → succeeded | failed | cancelled; running → scheduled again for a retry or a lost lease. */
public enum JobState {
    SCHEDULED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromWireName(String raw) {
        return valueOf(raw.toUpperCase(Locale.ROOT));
    }
}
