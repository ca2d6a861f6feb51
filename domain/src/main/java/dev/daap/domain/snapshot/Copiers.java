package dev.daap.domain.snapshot;

import dev.daap.domain.cluster.ClusterTarget;

/** Gives the copier of a cluster; a kind of cluster is an adapter behind this port, as for provisioners. */
public interface Copiers {
    Copier copierFor(ClusterTarget target);
}
