package dev.daap.bootstrap.observability;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.daap.adapters.postgres.access.JooqApiKeys;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** The metadata database as this instance uses it: its connection pool, and the API-key cache in front of it. */
public final class StoreMetrics {
    private StoreMetrics() {}

    /** HikariCP's own meters ({@code hikaricp_connections_*}), by pool name. */
    public static void pool(MeterRegistry registry, HikariDataSource pool) {
        pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    }

    /** {@code daap_api_key_cache_lookups_total{result="hit"|"miss"}}: a miss reads the api_keys table. */
    public static void apiKeyCache(MeterRegistry registry, JooqApiKeys apiKeys) {
        FunctionCounter.builder("daap.api.key.cache.lookups", apiKeys, JooqApiKeys::cacheHits)
                .description("API-key lookups by token prefix, answered from this instance's cache (hit) or not")
                .tag("result", "hit")
                .register(registry);
        FunctionCounter.builder("daap.api.key.cache.lookups", apiKeys, JooqApiKeys::cacheMisses)
                .description("API-key lookups by token prefix, answered from this instance's cache (hit) or not")
                .tag("result", "miss")
                .register(registry);
    }
}
