package dev.daap.adapters.postgres.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Role;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The race a cache of revocable keys must not lose, played deterministically: no database needed. */
class PrefixCacheTest {
    private static final Instant T0 = Instant.parse("2026-11-25T14:00:00Z");
    private final PrefixCache cache = new PrefixCache(Duration.ofSeconds(30), Duration.ofSeconds(5), () -> 0L);
    private final ApiKey key = ApiKey.issue(
            UUID.randomUUID(), null, Role.PLATFORM_ADMIN, ApiToken.generate(new SecureRandom()), "", T0, null);

    @Test
    void aLoadThatReadTheKeyBeforeARevokeDoesNotBringTheUnrevokedKeyBack() {
        ApiKey revoked = key.revoked(T0.plusSeconds(1));

        Optional<ApiKey> answer = cache.get(key.prefix(), prefix -> {
            // This request read the row, then another one revoked the key before this one could store it.
            cache.put(revoked);
            return Optional.of(key);
        });

        assertThat(answer).contains(revoked);
        assertThat(cache.get(key.prefix(), prefix -> Optional.of(key))).contains(revoked);
    }

    @Test
    void aLoadAnswersAndIsKeptWhenNothingRaced() {
        assertThat(cache.get(key.prefix(), prefix -> Optional.of(key))).contains(key);
        assertThat(cache.get(key.prefix(), prefix -> {
                    throw new AssertionError("answered from the cache");
                }))
                .contains(key);
    }

    @Test
    void countsLookupsAnsweredFromMemoryAndThoseThatLoaded() {
        cache.get(key.prefix(), prefix -> Optional.of(key));
        cache.get(key.prefix(), prefix -> Optional.of(key));
        cache.get(key.prefix(), prefix -> Optional.of(key));
        cache.get("unknown", prefix -> Optional.empty());

        assertThat(cache.hits()).isEqualTo(2);
        assertThat(cache.misses()).isEqualTo(2);
    }
}
