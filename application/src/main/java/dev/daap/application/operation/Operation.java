package dev.daap.application.operation;

import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.Moves;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;

/**
 * A job as API clients see it, with whether it is stuck (running, but no worker has renewed its lease), and the
 * cluster it works on (null for a database from before clusters that start-up has not placed yet), and for a move
 * what it recorded.
 */
public record Operation(Job job, boolean stuck, ClusterName cluster, Move move) {

    /** An operation that is not a move. */
    public Operation(Job job, boolean stuck, ClusterName cluster) {
        this(job, stuck, cluster, null);
    }

    /** The move it does, for a {@code move} job (as far as it has come); null for every other kind. */
    static Move moveOf(Job job, Moves moves) {
        return job.kind() == JobKind.MOVE ? moves.findByOperation(job.id()).orElse(null) : null;
    }
}
