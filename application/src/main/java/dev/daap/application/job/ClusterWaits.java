package dev.daap.application.job;

import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.provisioning.ClusterUnreachableException;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a job waits for its cluster when the cluster does not answer. The wait grows with the outage (the
 * cluster's failed probes in a row), not with the job, so that the jobs of a long outage come back rarely and
 * spread out (with the retries' jitter); the probe that sees the cluster answer again wakes them all at once.
 */
public final class ClusterWaits {
    private final Databases databases;
    private final Clusters clusters;
    private final RetryPolicy retries;

    public ClusterWaits(Databases databases, Clusters clusters, JobSettings settings) {
        this.databases = databases;
        this.clusters = clusters;
        this.retries = new RetryPolicy(settings);
    }

    /** What the job waits for, why, and until when at the latest. */
    record Wait(ClusterId cluster, String reason, Instant until) {}

    /** Empty when the job's database is on no live cluster: then it is an ordinary failure. */
    Optional<Wait> waitFor(Job job, ClusterUnreachableException why, Instant now) {
        Optional<Cluster> cluster = databases
                .findIncludingDeleted(job.databaseId())
                .map(Database::cluster)
                .flatMap(ref -> clusters.find(ref.id()));
        return cluster.map(found -> {
            ClusterHealth health = found.health();
            String reason = health.isDown()
                    ? "cluster " + found.name() + " is down: its last " + health.consecutiveFailures()
                            + " probes got no answer (" + health.error() + ")"
                    : why.getMessage();
            return new Wait(
                    found.id(),
                    reason + "; the operation waits for the cluster and goes on when it answers, without using up an"
                            + " attempt",
                    now.plus(retries.delayAfter(Math.max(1, health.consecutiveFailures()))));
        });
    }
}
