package dev.daap.domain.cluster;

import dev.daap.domain.common.Slugs;

/**
 * How platform admins and clients name a cluster: lowercase letters, digits and hyphens, starting with a letter,
 * 3–63 long (the rule of team slugs). Unique among live clusters; it never changes.
 */
public record ClusterName(String value) {
    /** The cluster that start-up registers when none exists. */
    public static final ClusterName DEFAULT = new ClusterName("default");

    public ClusterName {
        Slugs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
