package dev.daap.domain.cluster;

import dev.daap.domain.common.Labels;
import java.util.Objects;

/** What a platform admin sets when registering a cluster, besides its name and admin URL. */
public record ClusterSettings(Region region, Labels labels, ClusterLimits limits, ClientEndpoint endpoint) {
    public ClusterSettings {
        labels = labels == null ? Labels.NONE : labels;
        limits = limits == null ? ClusterLimits.NONE : limits;
        endpoint = endpoint == null ? ClientEndpoint.DEFAULTS : endpoint;
    }

    public static final ClusterSettings DEFAULTS = new ClusterSettings(null, null, null, null);

    public ClusterSettings withEndpoint(ClientEndpoint endpoint) {
        return new ClusterSettings(region, labels, limits, Objects.requireNonNull(endpoint, "endpoint"));
    }
}
