package dev.daap.adapters.http.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A token bucket per client (an API key, an address) under the same policies, in this instance's memory. The
 * buckets live in a cache bounded by size: a bucket left alone for its longest window is full again, so forgetting
 * it then changes nothing; one forgotten earlier because the cache is full only gets its client a full bucket.
 */
final class TokenBuckets {
    private final List<QuotaPolicy> policies;
    private final Cache<String, Bucket> buckets;
    private final TimeMeter time;

    TokenBuckets(List<QuotaPolicy> policies, int maxClients, TimeMeter time) {
        this.policies = List.copyOf(policies);
        this.time = time;
        Duration longest = policies.stream()
                .map(QuotaPolicy::window)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(longest)
                .ticker(time == TimeMeter.SYSTEM_NANOTIME ? Ticker.systemTicker() : time::currentTimeNanos)
                .build();
    }

    List<QuotaPolicy> policies() {
        return policies;
    }

    /** Takes one token of {@code client}'s bucket if every policy has one left. */
    Allowance take(String client) {
        VerboseResult<ConsumptionProbe> result = bucket(client).asVerbose().tryConsumeAndReturnRemaining(1);
        ConsumptionProbe probe = result.getValue();
        return new Allowance(
                probe.isConsumed(),
                result.getDiagnostics().getAvailableTokensPerEachBandwidth(),
                probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    /** What {@code client}'s bucket holds, taking nothing; a client never seen has a full one. */
    Allowance peek(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        if (bucket == null) {
            return new Allowance(
                    true, policies.stream().mapToLong(QuotaPolicy::quota).toArray(), 0);
        }
        VerboseResult<EstimationProbe> result = bucket.asVerbose().estimateAbilityToConsume(1);
        EstimationProbe probe = result.getValue();
        return new Allowance(
                probe.canBeConsumed(),
                result.getDiagnostics().getAvailableTokensPerEachBandwidth(),
                probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    /** How many clients have a bucket now (after pending evictions); lets tests see the bound hold. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket bucket(String client) {
        return buckets.get(client, ignored -> newBucket());
    }

    private Bucket newBucket() {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(time);
        for (QuotaPolicy policy : policies) {
            builder.addLimit(Bandwidth.builder()
                    .capacity(policy.quota())
                    .refillGreedy(policy.quota(), policy.window())
                    .id(policy.name())
                    .build());
        }
        return builder.build();
    }

    /**
     * @param remaining   tokens left under each policy, in the order of {@link #policies()}
     * @param nanosToWait when refused, how long until a request would be taken again
     */
    record Allowance(boolean allowed, long[] remaining, long nanosToWait) {}
}
