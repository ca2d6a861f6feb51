package dev.daap.adapters.postgres.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.daap.domain.access.ApiKey;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * API keys by prefix, held for a short time so that authenticating a request rarely reads the database. An
 * unknown prefix is remembered too, for less time, so a flood of made-up tokens costs one query per prefix and
 * few seconds rather than one per request; the size bound keeps such a flood from growing the heap.
 */
final class PrefixCache {
    private static final long MAXIMUM_SIZE = 10_000;
    private final Cache<String, Optional<ApiKey>> entries;

    PrefixCache(Duration ttl, Duration absentTtl, Ticker ticker) {
        entries = Caffeine.newBuilder()
                .maximumSize(MAXIMUM_SIZE)
                .expireAfter(Expiry.writing((String prefix, Optional<ApiKey> key) -> key.isPresent() ? ttl : absentTtl))
                .ticker(ticker)
                .recordStats() // for the operators' hit-rate metric; a few atomic increments per lookup
                .build();
    }

    /**
     * The cached answer, else {@code load}'s, which is kept unless another thread stored one meanwhile. The query
     * runs outside the cache's locks (a compute would hold one, pinning a virtual thread's carrier on JDBC I/O);
     * keeping the answer only if the entry is still absent means a load that read the row before a revoke can
     * never overwrite the revoked key that {@link #put} stored.
     */
    Optional<ApiKey> get(String prefix, Function<String, Optional<ApiKey>> load) {
        Optional<ApiKey> cached = entries.getIfPresent(prefix);
        if (cached != null) {
            return cached;
        }
        Optional<ApiKey> loaded = load.apply(prefix);
        Optional<ApiKey> raced = entries.asMap().putIfAbsent(prefix, loaded);
        return raced != null ? raced : loaded;
    }

    /** Replaces the entry with the key as it is now, for the full time to live. */
    void put(ApiKey key) {
        entries.put(key.prefix(), Optional.of(key));
    }

    /** Lookups answered from memory, and those that read the database, since start. */
    long hits() {
        return entries.stats().hitCount();
    }

    long misses() {
        return entries.stats().missCount();
    }

    void forget(String prefix) {
        entries.invalidate(prefix);
    }
}
