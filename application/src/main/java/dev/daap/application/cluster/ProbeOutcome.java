package dev.daap.application.cluster;

import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterName;
import java.time.Duration;

/**
 * What one probe of a round found: the health before and after, and how long the probe took (also when it got no
 * reading: a timeout costs its full length), for whoever measures the probes.
 */
public record ProbeOutcome(ClusterName cluster, ClusterHealth before, ClusterHealth after, Duration took) {
    public boolean changedStatus() {
        return before.status() != after.status();
    }
}
