package dev.daap.domain.cluster;

import java.util.Locale;

/** What platform admins allow on a cluster: new databases ({@code active}) or none ({@code cordoned}). */
public enum ClusterState {
    ACTIVE,
    /** Keeps its databases and serves them; placement passes it over. */
    CORDONED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ClusterState fromWireName(String raw) {
        for (ClusterState state : values()) {
            if (state.wireName().equals(raw)) {
                return state;
            }
        }
        throw new IllegalArgumentException("must be active or cordoned");
    }
}
