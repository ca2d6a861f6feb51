package dev.daap.adapters.http.version;

import java.util.Map;

/**
 * What runs: DAAP's version and the commit it was built from, the schema it runs on, and the PostgreSQL versions
 * of its own database and of the clusters it provisions on. A value that cannot be read right now (a database
 * away) is {@code "unknown"} or {@code "unreachable"}, never an error: an operator asks this when things are wrong.
 *
 * @param postgresql its own database's server, and each cluster's by name
 */
public record VersionInfo(String version, String commit, Schema schema, Postgres postgresql) {

    /**
     * @param appliedChangesets the changesets applied to the database, or -1 when it cannot be read
     * @param knownChangesets   the changesets this build carries
     * @param latestChangeset   the id of the last one applied, or null
     */
    public record Schema(int appliedChangesets, int knownChangesets, String latestChangeset) {}

    /** @param clusters cluster name to server version */
    public record Postgres(String daap, Map<String, String> clusters) {
        public Postgres {
            clusters = Map.copyOf(clusters);
        }
    }
}
