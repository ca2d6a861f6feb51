package dev.daap.testing;

import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.StoredResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fake of the {@link IdempotencyStore} port with the rules of the PostgreSQL store, pinned down by
 * {@link IdempotencyStoreContract}. Thread-safe, because concurrent requests with one key are what it is for.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Id(String caller, String key) {}

    /** {@code response} is null while the first request still runs. */
    private record Entry(String requestHash, StoredResponse response, Instant expiresAt) {}

    private final Map<Id, Entry> entries = new HashMap<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads

    @Override
    public BeginOutcome begin(String caller, String key, String requestHash, Instant now, Duration lease) {
        var id = new Id(caller, key);
        return locked(() -> {
            Entry entry = entries.get(id);
            if (entry == null || !entry.expiresAt().isAfter(now)) {
                entries.put(id, new Entry(requestHash, null, now.plus(lease)));
                return new Started();
            }
            if (!entry.requestHash().equals(requestHash)) {
                return new Mismatch();
            }
            return entry.response() == null ? new InProgress() : new Replay(entry.response());
        });
    }

    @Override
    public void complete(String caller, String key, StoredResponse response, Instant keepUntil) {
        var id = new Id(caller, key);
        locked(() -> entries.computeIfPresent(
                id,
                (ignored, entry) ->
                        entry.response() == null ? new Entry(entry.requestHash(), response, keepUntil) : entry));
    }

    @Override
    public void abandon(String caller, String key) {
        var id = new Id(caller, key);
        locked(() -> entries.computeIfPresent(id, (ignored, entry) -> entry.response() == null ? null : entry));
    }

    @Override
    public int deleteExpired(Instant now) {
        return locked(() -> {
            int before = entries.size();
            entries.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
            return before - entries.size();
        });
    }

    /** How many keys are remembered, running or completed. */
    public int size() {
        return locked(entries::size);
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
