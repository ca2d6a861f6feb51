package dev.daap.application.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterIsolation;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterProbeException;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.Clusters;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * At start, every cluster of the fleet is closed to PUBLIC again (see {@link ClusterIsolation}): a database made
 * since by somebody else, or a cluster registered before DAAP did this, gets it then. A cluster that cannot be
 * reached now is skipped and said so; its health shows what is still open once the probe reaches it.
 */
public final class IsolateClusters {
    private static final System.Logger log = System.getLogger(IsolateClusters.class.getName());
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final ClusterIsolation isolation;

    public IsolateClusters(Clusters clusters, ClusterSecrets secrets, ClusterIsolation isolation) {
        this.clusters = clusters;
        this.secrets = secrets;
        this.isolation = isolation;
    }

    /** For each cluster it reached, the databases that still let PUBLIC connect. */
    public Map<ClusterName, List<String>> execute() {
        Map<ClusterName, List<String>> stillOpen = new LinkedHashMap<>();
        for (Cluster cluster : clusters.list()) {
            Optional<AdminUrl> adminUrl = secrets.find(cluster.id());
            if (adminUrl.isEmpty()) {
                continue;
            }
            try {
                stillOpen.put(cluster.name(), isolation.revokePublicConnect(adminUrl.get()));
            } catch (ClusterProbeException e) {
                log.log(
                        Level.WARNING,
                        "Cannot close the databases of cluster {0} to PUBLIC now: {1}",
                        cluster.name(),
                        e.getMessage());
            }
        }
        return stillOpen;
    }
}
