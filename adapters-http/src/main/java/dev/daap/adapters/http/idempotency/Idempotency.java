package dev.daap.adapters.http.idempotency;

import dev.daap.domain.idempotency.IdempotencyStore;
import java.time.Clock;
import java.util.Objects;

/** What the HTTP layer needs to honour {@code Idempotency-Key}: where responses are kept, and the time. */
public record Idempotency(IdempotencyStore store, Clock clock) {
    public Idempotency {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(clock, "clock");
    }
}
