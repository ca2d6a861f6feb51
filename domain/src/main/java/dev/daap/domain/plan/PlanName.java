package dev.daap.domain.plan;

import dev.daap.domain.common.Slugs;

/** How a plan is named: the rule of database names and team slugs (3–63 lowercase letters, digits, hyphens). */
public record PlanName(String value) {
    /** The default plan of the catalog a fresh installation has. */
    public static final PlanName CATALOG_DEFAULT = new PlanName("small");

    public PlanName {
        Slugs.check(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
