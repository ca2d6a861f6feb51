package dev.daap.domain.cluster;

import java.util.Objects;

/** A cluster claimed for a probe, with the health it had: the probe's outcome is judged against it. */
public record DueProbe(ClusterId id, ClusterName name, ClusterHealth health) {
    public DueProbe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(health, "health");
    }
}
