package dev.daap.domain.cluster;

import dev.daap.domain.common.Labels;
import java.util.Optional;

/**
 * A change to a cluster's settings; an empty field is left as it is. The name never changes.
 *
 * @param region       present: set it, to a region or (empty) to none
 * @param adminAddress present when the admin URL was replaced
 */
public record ClusterChanges(
        Optional<Optional<Region>> region,
        Optional<Labels> labels,
        Optional<ClusterState> state,
        Optional<ClusterLimits> limits,
        Optional<ClientEndpoint> endpoint,
        Optional<AdminAddress> adminAddress) {
    public static final ClusterChanges NONE = new ClusterChanges(null, null, null, null, null, null);

    public ClusterChanges {
        region = region == null ? Optional.empty() : region;
        labels = labels == null ? Optional.empty() : labels;
        state = state == null ? Optional.empty() : state;
        limits = limits == null ? Optional.empty() : limits;
        endpoint = endpoint == null ? Optional.empty() : endpoint;
        adminAddress = adminAddress == null ? Optional.empty() : adminAddress;
    }
}
