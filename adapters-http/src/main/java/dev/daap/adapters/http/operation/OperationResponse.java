package dev.daap.adapters.http.operation;

import dev.daap.application.operation.Operation;
import dev.daap.domain.database.Move;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobState;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A job on a database, as API clients see it.
 *
 * @param nextRetryAt when a failed attempt will be tried again; null unless a retry is scheduled
 * @param durationMs  from the first start to the end; null until finished
 * @param stuck       running, but its worker stopped renewing the lease: an operator should look
 * @param cluster     the cluster it works on
 */
public record OperationResponse(
        UUID id,
        UUID databaseId,
        String kind,
        String state,
        int attempts,
        int maxAttempts,
        Instant nextRetryAt,
        String lastError,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Instant createdAt,
        boolean stuck,
        String cluster,
        MoveResponse move) {

    /**
     * What a move recorded: where from and to, the deleted database its old copy became, and how long the database
     * was read-only (null until it was switched).
     */
    public record MoveResponse(String fromCluster, String toCluster, UUID oldCopyId, Long readOnlyMs) {
        static MoveResponse from(Move move) {
            return move == null
                    ? null
                    : new MoveResponse(
                            move.from().name().value(),
                            move.to().name().value(),
                            move.leftBehind().value(),
                            move.readOnlyMs());
        }
    }

    public static OperationResponse from(Operation operation) {
        Job job = operation.job();
        // A scheduled job that has been attempted is waiting for its retry; one never attempted is just due.
        boolean retryScheduled = job.state() == JobState.SCHEDULED && job.attempts() > 0;
        return new OperationResponse(
                job.id(),
                job.databaseId().value(),
                job.kind().wireName(),
                job.state().wireName(),
                job.attempts(),
                job.maxAttempts(),
                retryScheduled ? job.runAt() : null,
                job.lastError(),
                job.startedAt(),
                job.finishedAt(),
                job.state().isFinished()
                        ? job.duration().map(Duration::toMillis).orElse(null)
                        : null,
                job.createdAt(),
                operation.stuck(),
                operation.cluster() == null ? null : operation.cluster().value(),
                MoveResponse.from(operation.move()));
    }
}
