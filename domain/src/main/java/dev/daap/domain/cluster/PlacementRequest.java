package dev.daap.domain.cluster;

import dev.daap.domain.common.Labels;
import java.util.Optional;

/**
 * Where a new database may go: a region and labels the cluster must have, or (platform admins only) one cluster by
 * name, which must still be active, up and have room; never the cluster {@code excluded} names (a move's own).
 */
public record PlacementRequest(
        Optional<Region> region, Labels labels, Optional<ClusterName> cluster, Optional<ClusterName> excluded) {
    public static final PlacementRequest ANYWHERE = new PlacementRequest(null, null, null);

    public PlacementRequest {
        region = region == null ? Optional.empty() : region;
        labels = labels == null ? Labels.NONE : labels;
        cluster = cluster == null ? Optional.empty() : cluster;
        excluded = excluded == null ? Optional.empty() : excluded;
        if (cluster.isPresent() && (region.isPresent() || !labels.values().isEmpty())) {
            throw new IllegalArgumentException("name a cluster, or a region and labels, not both");
        }
    }

    /** Anywhere the region, labels or named cluster allow. */
    public PlacementRequest(Optional<Region> region, Labels labels, Optional<ClusterName> cluster) {
        this(region, labels, cluster, Optional.empty());
    }

    /** The same request, never placing on {@code current} (a move goes to another cluster than its own). */
    public PlacementRequest excluding(ClusterName current) {
        return new PlacementRequest(region, labels, cluster, Optional.of(current));
    }

    public static PlacementRequest on(ClusterName cluster) {
        return new PlacementRequest(null, null, Optional.of(cluster));
    }
}
