package dev.daap.adapters.postgres.idempotency;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.daap.domain.idempotency.IdempotencyStore;
import dev.daap.domain.idempotency.StoredResponse;
import java.time.Instant;
import java.util.Map;

/**
 * The completed keys this instance has seen lately, so that a retry is replayed without a round trip. Bounded by
 * weight: a body's bytes plus a kilobyte per entry, so at most about 10,000 small responses or 10 MiB of bodies.
 * An entry also goes after the retention, so an idle instance lets go of what no replay can use any more.
 */
final class CompletedResponses {
    private static final long MAXIMUM_WEIGHT = 10L * 1024 * 1024;
    /** Keys, hash, headers and object headers, roughly; it also caps the count of entries with small bodies. */
    private static final int ENTRY_WEIGHT = 1024;

    private record Id(String caller, String key) {}

    private final Cache<Id, CompletedResponse> entries = Caffeine.newBuilder()
            .maximumWeight(MAXIMUM_WEIGHT)
            .weigher((Id id, CompletedResponse completed) -> weightOf(completed.response()))
            .expireAfterWrite(IdempotencyStore.RETENTION)
            .build();

    /** The response kept for the key, unless it expired by {@code now}: then the key is the database's to settle. */
    CompletedResponse find(String caller, String key, Instant now) {
        Id id = new Id(caller, key);
        CompletedResponse completed = entries.getIfPresent(id);
        if (completed == null) {
            return null;
        }
        if (!completed.isLiveAt(now)) {
            entries.asMap().remove(id, completed);
            return null;
        }
        return completed;
    }

    void remember(String caller, String key, CompletedResponse completed) {
        entries.put(new Id(caller, key), completed);
    }

    private static int weightOf(StoredResponse response) {
        int headers = 0;
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            headers += 2 * (header.getKey().length() + header.getValue().length());
        }
        return ENTRY_WEIGHT + headers + response.body().length;
    }
}
