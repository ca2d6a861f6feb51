package dev.daap.domain.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    /**
     * Stores the health and fill a reading gave (in one statement: the cluster's storage is what its databases
     * take together) and each database's size (in one more, for all of them). Sizes of names that no live database
     * of this cluster has are ignored.
     */
    void recordReading(ClusterId id, ClusterHealth health, Map<String, Long> databaseSizes, long storageBytes);
}
