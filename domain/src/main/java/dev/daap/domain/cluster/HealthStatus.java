package dev.daap.domain.cluster;

import java.util.Locale;

/** Whether a cluster answered its last probes: only an {@code up} cluster takes new databases. */
public enum HealthStatus {
    UP,
    DOWN,
    /** Registered but not yet probed. */
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HealthStatus fromWireName(String raw) {
        for (HealthStatus status : values()) {
            if (status.wireName().equals(raw)) {
                return status;
            }
        }
        throw new IllegalArgumentException("must be up, down or unknown");
    }
}
