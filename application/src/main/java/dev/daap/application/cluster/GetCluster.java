package dev.daap.application.cluster;

import dev.daap.domain.access.Principal;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.error.ClusterNotFoundException;

/** Reads one cluster: every API key may, to see where its databases can go; what it sees depends on the key. */
public final class GetCluster {
    private final Clusters clusters;

    public GetCluster(Clusters clusters) {
        this.clusters = clusters;
    }

    public ClusterView execute(Principal principal, ClusterName name) {
        return clusters.findByName(name)
                .map(cluster -> ClusterView.of(cluster, principal))
                .orElseThrow(() -> new ClusterNotFoundException(name.value()));
    }
}
