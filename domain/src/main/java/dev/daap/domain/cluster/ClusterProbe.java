package dev.daap.domain.cluster;

/**
 * Looks at one cluster through its admin connection (a secondary port): in one short session and one query, what a
 * {@link ProbeReading} holds. Connecting and the query are bounded by a timeout, so a cluster that does not answer
 * costs a probe round no more than that. This is where the size of a database is measured, and the only place.
 */
public interface ClusterProbe {

    /**
     * Reads the cluster and measures the sizes of {@code slice}'s databases. Throws {@link ClusterProbeException},
     * with a message that names no secret, when the cluster cannot say.
     */
    ProbeReading probe(AdminUrl adminUrl, SizeSlice slice);
}
