package dev.daap.adapters.http;

import dev.daap.domain.error.StoreUnavailableException;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.StoredResponse;
import java.time.Duration;
import java.time.Instant;

/** Wraps the in-memory store so a test can take it away, as when DAAP's database is out of reach. */
final class ScriptedIdempotencyStore implements IdempotencyStore {
    private final IdempotencyStore store;
    private volatile boolean away;

    ScriptedIdempotencyStore(IdempotencyStore store) {
        this.store = store;
    }

    /** While away, every call throws {@link StoreUnavailableException}, as the PostgreSQL store does. */
    void away(boolean away) {
        this.away = away;
    }

    @Override
    public BeginOutcome begin(String caller, String key, String requestHash, Instant now, Duration lease) {
        failIfAway();
        return store.begin(caller, key, requestHash, now, lease);
    }

    @Override
    public void complete(String caller, String key, StoredResponse response, Instant keepUntil) {
        failIfAway();
        store.complete(caller, key, response, keepUntil);
    }

    @Override
    public void abandon(String caller, String key) {
        failIfAway();
        store.abandon(caller, key);
    }

    @Override
    public int deleteExpired(Instant now) {
        failIfAway();
        return store.deleteExpired(now);
    }

    private void failIfAway() {
        if (away) {
            throw new StoreUnavailableException("the database is out of reach", null);
        }
    }
}
