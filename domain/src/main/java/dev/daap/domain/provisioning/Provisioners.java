package dev.daap.domain.provisioning;

import dev.daap.domain.cluster.ClusterTarget;

/**
 * Gives the provisioner of a cluster. A kind of cluster (plain PostgreSQL today) is an adapter behind this port,
 * not a branch in the use cases.
 */
public interface Provisioners {
    Provisioner forCluster(ClusterTarget target);
}
