package dev.daap.application.cluster;

import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.database.Database;
import dev.daap.domain.provisioning.ClusterUnreachableException;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.provisioning.ProvisioningException;

/**
 * The provisioner (or copier) of the cluster a database lives on: its settings and its decrypted admin URL, read
 * now. A cluster its probes found down is not tried: that would cost each job a connection timeout, for the same answer.
 */
public final class ClusterTargets {
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final Provisioners provisioners;

    public ClusterTargets(Clusters clusters, ClusterSecrets secrets, Provisioners provisioners) {
        this.clusters = clusters;
        this.secrets = secrets;
        this.provisioners = provisioners;
    }

    /** Throws a {@link ProvisioningException} (the job's failure reason) when the cluster cannot be named. */
    public Provisioner provisionerFor(Database database) {
        if (database.cluster() == null) {
            throw new ProvisioningException("database " + database.id() + " is not placed on any cluster; restart"
                    + " DAAP to place the databases from before clusters on the default one");
        }
        return provisioners.forCluster(target(database.cluster(), "database " + database.id()));
    }

    /** The provisioner of the cluster {@code ref}; {@code whose} as in {@link #target}. */
    public Provisioner provisionerFor(ClusterRef ref, String whose) {
        return provisioners.forCluster(target(ref, whose));
    }

    /**
     * The cluster {@code ref} as a provisioner or copier reaches it; {@code whose} names what lives there, for the
     * failure reason when it cannot be reached.
     */
    public ClusterTarget target(ClusterRef ref, String whose) {
        Cluster cluster = clusters.find(ref.id())
                .orElseThrow(
                        () -> new ProvisioningException("cluster " + ref.name() + " of " + whose + " was removed"));
        if (cluster.health().isDown()) {
            throw new ClusterUnreachableException("cluster " + cluster.name() + " is down: its last "
                    + cluster.health().consecutiveFailures() + " probes got no answer ("
                    + cluster.health().error()
                    + ")");
        }
        var adminUrl = secrets.find(cluster.id())
                .orElseThrow(() -> new ProvisioningException(
                        "cluster " + cluster.name() + " has no admin URL stored; set one with PATCH"));
        return ClusterTarget.of(cluster, adminUrl);
    }
}
