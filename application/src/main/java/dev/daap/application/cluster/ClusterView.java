package dev.daap.application.cluster;

import dev.daap.domain.access.Principal;
import dev.daap.domain.cluster.Cluster;

/**
 * A cluster as one caller may see it: platform admins see all of it; a team's key sees only its name, region, labels,
 * state and health status, enough to choose a placement, nothing of its limits, fill or endpoints.
 */
public record ClusterView(Cluster cluster, boolean complete) {
    static ClusterView of(Cluster cluster, Principal principal) {
        return new ClusterView(cluster, principal.isPlatformAdmin());
    }
}
