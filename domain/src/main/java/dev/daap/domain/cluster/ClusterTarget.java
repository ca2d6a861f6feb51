package dev.daap.domain.cluster;

import java.util.Objects;

/**
 * Everything a provisioner needs to work on one cluster: which one (its id keys the adapter's connection cache),
 * its admin URL, and where its clients connect.
 */
public record ClusterTarget(ClusterId id, ClusterName name, AdminUrl adminUrl, ClientEndpoint.Resolved endpoint) {
    public ClusterTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(adminUrl, "adminUrl");
        Objects.requireNonNull(endpoint, "endpoint");
    }

    public static ClusterTarget of(Cluster cluster, AdminUrl adminUrl) {
        return new ClusterTarget(cluster.id(), cluster.name(), adminUrl, cluster.clientEndpoint());
    }

    /** For a cluster about to be registered (or its admin URL replaced): not stored yet. */
    public static ClusterTarget unregistered(ClusterId id, ClusterName name, AdminUrl adminUrl, ClientEndpoint e) {
        return new ClusterTarget(id, name, adminUrl, e.resolve(adminUrl.address()));
    }

    /** Names the cluster and its admin address; the admin URL's own toString never shows the password. */
    @Override
    public String toString() {
        return "ClusterTarget[" + name + " at " + adminUrl.address() + "]";
    }
}
