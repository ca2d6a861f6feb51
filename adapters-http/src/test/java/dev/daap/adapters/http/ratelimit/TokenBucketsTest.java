package dev.daap.adapters.http.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {
    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter time = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final List<QuotaPolicy> neon = List.of(
            new QuotaPolicy("minute", 700, Duration.ofMinutes(1)), new QuotaPolicy("burst", 40, Duration.ofSeconds(1)));

    @Test
    void aBurstOfFortyPassesAndTheFortyFirstWaitsForTheNextToken() {
        var buckets = new TokenBuckets(neon, 100, time);
        for (int i = 1; i <= 40; i++) {
            TokenBuckets.Allowance allowance = buckets.take("key");
            assertThat(allowance.allowed()).isTrue();
            assertThat(allowance.remaining()).containsExactly(700 - i, 40 - i);
        }
        TokenBuckets.Allowance refused = buckets.take("key");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.nanosToWait()).isEqualTo(Duration.ofSeconds(1).toNanos() / 40);
        assertThat(buckets.take("another key").allowed()).isTrue();
    }

    @Test
    void sevenHundredAMinuteHoldOverBurstsSpreadOut() {
        var buckets = new TokenBuckets(neon, 100, time);
        int taken = 0;
        for (int second = 0; second < 60; second++) {
            nanos.set(Duration.ofSeconds(second).toNanos());
            while (buckets.take("key").allowed()) {
                taken++;
            }
        }
        // 700 at the start, and the minute's refill of 700 * 59/60 over the following 59 seconds
        assertThat(taken).isBetween(700 + 680, 700 + 690);
        assertThat(buckets.take("key").remaining()[0]).isZero();
    }

    @Test
    void peekingTakesNothingAndAnUnknownClientHasAFullBucket() {
        var buckets = new TokenBuckets(List.of(new QuotaPolicy("auth-failures", 2, Duration.ofMinutes(1))), 100, time);
        assertThat(buckets.peek("10.0.0.1").remaining()).containsExactly(2);
        buckets.take("10.0.0.1");
        buckets.take("10.0.0.1");
        TokenBuckets.Allowance spent = buckets.peek("10.0.0.1");
        assertThat(spent.allowed()).isFalse();
        assertThat(spent.nanosToWait()).isEqualTo(Duration.ofSeconds(30).toNanos());
        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(buckets.peek("10.0.0.1").allowed()).isTrue();
    }

    @Test
    void theBucketsOfManyClientsStayWithinTheBound() {
        var buckets = new TokenBuckets(neon, 1_000, time);
        for (int client = 0; client < 50_000; client++) {
            buckets.take("key-" + client);
        }
        assertThat(buckets.size()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void aBucketLeftAloneForItsLongestWindowIsForgottenFull() {
        var buckets = new TokenBuckets(neon, 1_000, time);
        buckets.take("key");
        nanos.addAndGet(Duration.ofMinutes(1).plusSeconds(1).toNanos());
        assertThat(buckets.size()).isZero();
    }

    @Test
    void theHeaderMembersFollowTheDraftsSyntax() {
        var minute = neon.getFirst();
        assertThat(minute.describe()).isEqualTo("\"minute\";q=700;w=60");
        assertThat(minute.state(700)).isEqualTo("\"minute\";r=700;t=0");
        assertThat(minute.state(699)).isEqualTo("\"minute\";r=699;t=1");
        assertThat(minute.state(0)).isEqualTo("\"minute\";r=0;t=60");
        assertThat(neon.get(1).state(30)).isEqualTo("\"burst\";r=30;t=1");
    }
}
