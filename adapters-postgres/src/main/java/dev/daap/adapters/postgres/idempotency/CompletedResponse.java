package dev.daap.adapters.postgres.idempotency;

import dev.daap.domain.idempotency.IdempotencyStore.BeginOutcome;
import dev.daap.domain.idempotency.IdempotencyStore.Mismatch;
import dev.daap.domain.idempotency.IdempotencyStore.Replay;
import dev.daap.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Objects;

/**
 * What a completed key holds, all that a later {@code begin} needs: the request it answered (another request with
 * the same key is a {@link Mismatch}), the response to replay, and when the key expires and may be taken over.
 */
record CompletedResponse(String requestHash, StoredResponse response, Instant expiresAt) {
    CompletedResponse {
        Objects.requireNonNull(requestHash, "requestHash");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Until then a replay may use it; from then on the key counts as absent (see {@code IdempotencyStore#begin}). */
    boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    BeginOutcome outcomeFor(String requestHash) {
        return this.requestHash.equals(requestHash) ? new Replay(response) : new Mismatch();
    }
}
