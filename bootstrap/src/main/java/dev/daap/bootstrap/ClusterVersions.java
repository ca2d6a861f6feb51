package dev.daap.bootstrap;

import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.Clusters;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PostgreSQL version of each cluster DAAP provisions on, by name, for GET /v1/version: what the probe (or the
 * check at registration) last read from the cluster, so asking for the version never opens a connection to one;
 * {@code unknown} for a cluster not yet checked.
 */
final class ClusterVersions {
    static final String UNKNOWN = "unknown";
    private final Clusters clusters;

    ClusterVersions(Clusters clusters) {
        this.clusters = clusters;
    }

    Map<String, String> byCluster() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (Cluster cluster : clusters.list()) {
            String version = cluster.health().serverVersion();
            versions.put(cluster.name().value(), version == null ? UNKNOWN : version);
        }
        return versions;
    }
}
