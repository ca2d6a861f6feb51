package dev.daap.domain.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The probe's bookkeeping in DAAP's store (a secondary port): which clusters are due a probe, and what the probes
 * saw. Calls join the transaction open on the calling thread.
 */
public interface ClusterProbeStore {

    /**
     * Takes every live cluster whose next probe is due at {@code now} and moves its next probe to
     * {@code now + interval}, in one statement: however many instances ask at once, each due cluster goes to one of
     * them, so a cluster is probed once per interval. Commit before probing, so the claim is seen by the others.
     */
    List<DueProbe> claimDue(Instant now, Duration interval);

    /** Stores the health a probe that got no reading left; fill and sizes stay as last measured. */
    void recordHealth(ClusterId id, ClusterHealth health);

    /** The databases of the cluster measured before, by name there, least recently measured first. */
    List<String> measuredOldestFirst(ClusterId id);

    /**
     * Stores the health a reading gave, the sizes it measured (each with {@code measuredAt}; the one place where
     * measured sizes are written), forgets the databases no longer on the cluster, and sets the cluster's storage
     * to the sum of the last known sizes; each live database of the cluster that was measured gets its size, and a
     * usage sample (size and client sessions) at {@code measuredAt}.
     * Sizes of names that no live database of this cluster has still count towards the cluster's storage (parked
     * deleted databases, snapshot copies).
     */
    void recordReading(ClusterId id, ClusterHealth health, List<DatabaseSeen> databases, Instant measuredAt);
}
