package dev.daap.adapters.http.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.idempotency.IdempotencyStore;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnreleasedClaimsTest {
    private static final Instant CLAIMED = Instant.parse("2026-11-25T15:00:00Z");
    private static final Instant LAST_SAFE_MOMENT = CLAIMED.plus(IdempotencyStore.RUNNING_LEASE)
            .minus(UnreleasedClaims.CLOCK_MARGIN)
            .minusNanos(1);
    private final UnreleasedClaims claims = new UnreleasedClaims();

    @Test
    void aReleaseOwedIsTakenByOneRequestOnly() {
        claims.remember("caller", "key", CLAIMED);

        assertThat(claims.take("caller", "key", CLAIMED.plusSeconds(5))).contains(CLAIMED);
        assertThat(claims.take("caller", "key", CLAIMED.plusSeconds(5))).isEmpty();
    }

    @Test
    void itBelongsToItsCallerAndKey() {
        claims.remember("caller", "key", CLAIMED);

        assertThat(claims.take("other", "key", CLAIMED)).isEmpty();
        assertThat(claims.take("caller", "other", CLAIMED)).isEmpty();
        assertThat(claims.take("caller", "key", CLAIMED)).contains(CLAIMED);
    }

    @Test
    void itIsNotPaidOnceTheClaimsLeaseLessTheClockMarginHasPassed() {
        claims.remember("caller", "early", CLAIMED);
        claims.remember("caller", "late", CLAIMED);

        assertThat(claims.take("caller", "early", LAST_SAFE_MOMENT)).contains(CLAIMED);
        assertThat(claims.take("caller", "late", LAST_SAFE_MOMENT.plusNanos(1)))
                .as("another request may hold the key by now")
                .isEmpty();
        assertThat(claims.size()).isZero();
    }

    @Test
    void itKeepsAtMostSoManyAndMakesRoomByDroppingThoseNoLongerSafe() {
        for (int i = 0; i < UnreleasedClaims.MAX_ENTRIES; i++) {
            claims.remember("caller", "old-" + i, CLAIMED);
        }
        claims.remember("caller", "one-too-many", CLAIMED);
        assertThat(claims.size()).isEqualTo(UnreleasedClaims.MAX_ENTRIES);
        assertThat(claims.take("caller", "one-too-many", CLAIMED)).isEmpty();

        Instant muchLater = CLAIMED.plus(IdempotencyStore.RUNNING_LEASE);
        claims.remember("caller", "new", muchLater);

        assertThat(claims.size()).isEqualTo(1);
        assertThat(claims.take("caller", "new", muchLater)).contains(muchLater);
    }
}
