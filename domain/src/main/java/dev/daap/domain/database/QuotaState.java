package dev.daap.domain.database;

import java.util.Locale;

/**
 * Whether a database keeps within its plan's limits on the cluster. Over its storage limit it is made read-only
 * there until the fleet's probe finds it back under.
 *
 * <p>DAAP sets it from what the probe measured, never the owner: like the measured size it is written beside the
 * database's version, not with it, so a change of it neither fails an owner's {@code If-Match} nor is undone by an
 * owner's change made from an older read.
 */
public enum QuotaState {
    /** Within every limit of its plan: writable. */
    OK,
    /** Above its plan's {@code storage_limit_bytes} as last measured: read-only on its cluster. */
    OVER_STORAGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Throws {@code IllegalArgumentException} for a name that is not a quota state. */
    public static QuotaState fromWireName(String raw) {
        for (QuotaState state : values()) {
            if (state.wireName().equals(raw)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown quota state: " + raw);
    }
}
