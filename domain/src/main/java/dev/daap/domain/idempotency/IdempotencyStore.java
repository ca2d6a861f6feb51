package dev.daap.domain.idempotency;

import java.time.Duration;
import java.time.Instant;

/**
 * Remembers the first response to a request sent with an idempotency key, per caller, so that a client retrying
 * after a lost answer gets that answer again instead of a second effect. A key is first claimed ({@link #begin}),
 * then either completed with the response or abandoned so that the client may try again.
 */
public interface IdempotencyStore {
    /** How long a response is replayed; long enough to cover a client's retries over a bad night. */
    Duration RETENTION = Duration.ofHours(24);
    /**
     * How long a claim without a response holds its key. A request whose process died never completes or
     * abandons its claim; after this the key is free again instead of answering 409 for a whole day.
     */
    Duration RUNNING_LEASE = Duration.ofMinutes(2);

    /**
     * Claims {@code key} for {@code caller}, or reports what it already holds. A claim or response whose expiry has
     * passed counts as absent, so it is taken over whatever it held.
     *
     * @param lease how long the claim holds the key if it is never completed (see {@link #RUNNING_LEASE})
     *
     * @param requestHash identifies the request's content; the same key with another hash is a {@link Mismatch}
     */
    BeginOutcome begin(String caller, String key, String requestHash, Instant now, Duration lease);

    /** Stores the response of a claim this caller holds; a replay returns it until {@code keepUntil}. */
    void complete(String caller, String key, StoredResponse response, Instant keepUntil);

    /** Forgets a claim that has no response yet (the work failed), so the client can retry with the same key. */
    void abandon(String caller, String key);

    /** Removes every claim that expired at or before {@code now}; returns how many. */
    int deleteExpired(Instant now);

    /** What {@link #begin} found. */
    sealed interface BeginOutcome permits Started, Replay, InProgress, Mismatch {}

    /** The key was free: the caller owns it now and must {@link #complete} or {@link #abandon} it. */
    record Started() implements BeginOutcome {}

    /** The same request was answered before: send this again, do not do the work again. */
    record Replay(StoredResponse response) implements BeginOutcome {
        public Replay {
            java.util.Objects.requireNonNull(response, "response");
        }
    }

    /** The same request is being worked on right now. */
    record InProgress() implements BeginOutcome {}

    /** The key was used for a request with different content. */
    record Mismatch() implements BeginOutcome {}
}
