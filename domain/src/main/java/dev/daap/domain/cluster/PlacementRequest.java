package dev.daap.domain.cluster;

import dev.daap.domain.common.Labels;
import java.util.Optional;

/**
 * Where a new database may go: a region and labels the cluster must have, or (platform admins only) one cluster by
 * name, which must still be active, up and have room.
 */
public record PlacementRequest(Optional<Region> region, Labels labels, Optional<ClusterName> cluster) {
    public static final PlacementRequest ANYWHERE = new PlacementRequest(null, null, null);

    public PlacementRequest {
        region = region == null ? Optional.empty() : region;
        labels = labels == null ? Labels.NONE : labels;
        cluster = cluster == null ? Optional.empty() : cluster;
        if (cluster.isPresent() && (region.isPresent() || !labels.values().isEmpty())) {
            throw new IllegalArgumentException("name a cluster, or a region and labels, not both");
        }
    }

    public static PlacementRequest on(ClusterName cluster) {
        return new PlacementRequest(null, null, Optional.of(cluster));
    }
}
