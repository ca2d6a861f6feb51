package dev.daap.application.operation;

import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.job.Job;

/**
 * A job as API clients see it, with whether it is stuck (running, but no worker has renewed its lease), and the
 * cluster it works on (null for a database from before clusters that start-up has not placed yet).
 */
public record Operation(Job job, boolean stuck, ClusterName cluster) {}
