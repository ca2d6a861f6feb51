package dev.daap.domain.job;

import dev.daap.domain.database.DatabaseId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One unit of background work on a database (an "operation" to API clients), claimed by a worker under a lease.
 *
 * @param runAt          when it may next run (the next retry time while scheduled after a failure)
 * @param leaseOwner     the worker holding it while running
 * @param leaseExpiresAt after this, another worker may take it (its worker is presumed dead)
 * @param traceParent    the trace of the request that asked for the job (a W3C {@code traceparent}), so that its
 *                       runs show in that trace; null when that request was not traced. Opaque to the domain
 */
public record Job(
        UUID id,
        JobKind kind,
        DatabaseId databaseId,
        JobState state,
        int attempts,
        int maxAttempts,
        Instant runAt,
        String leaseOwner,
        Instant leaseExpiresAt,
        String lastError,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        String traceParent) {

    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(runAt, "runAt");
        Objects.requireNonNull(createdAt, "createdAt");
        if (maxAttempts < 1 || attempts < 0) {
            throw new IllegalArgumentException("need attempts >= 0 and maxAttempts >= 1");
        }
    }

    /** A new job, due at once. */
    public static Job schedule(UUID id, JobKind kind, DatabaseId databaseId, int maxAttempts, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Job(
                id, kind, databaseId, JobState.SCHEDULED, 0, maxAttempts, at, null, null, null, at, null, null, null);
    }

    /** The same job, part of the trace that {@code parent} names (a W3C {@code traceparent}, or null for none). */
    public Job withTraceParent(String parent) {
        return new Job(
                id,
                kind,
                databaseId,
                state,
                attempts,
                maxAttempts,
                runAt,
                leaseOwner,
                leaseExpiresAt,
                lastError,
                createdAt,
                startedAt,
                finishedAt,
                parent);
    }

    public boolean hasAttemptsLeft() {
        return attempts < maxAttempts;
    }

    /** How long it ran, once finished. */
    public Optional<Duration> duration() {
        return startedAt == null || finishedAt == null
                ? Optional.empty()
                : Optional.of(Duration.between(startedAt, finishedAt));
    }

    /** Running, but its lease ran out longer ago than {@code grace}: no worker is looking after it. */
    public boolean isStuck(Instant now, Duration grace) {
        return state == JobState.RUNNING
                && leaseExpiresAt != null
                && leaseExpiresAt.plus(grace).isBefore(now);
    }
}
