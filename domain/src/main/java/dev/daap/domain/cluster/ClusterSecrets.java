package dev.daap.domain.cluster;

import java.util.Optional;

/**
 * Keeps each cluster's admin URL, encrypted at rest; never in plain text. Calls join the transaction open on the
 * calling thread, so the URL is stored together with the cluster it belongs to.
 */
public interface ClusterSecrets {

    /** Stores (or replaces) the admin URL of a cluster. */
    void store(ClusterId id, AdminUrl adminUrl);

    /** The decrypted admin URL, if one is stored. */
    Optional<AdminUrl> find(ClusterId id);

    /** Forgets the admin URL (the cluster is gone). */
    void remove(ClusterId id);
}
