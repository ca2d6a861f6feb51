package dev.daap.adapters.http.ratelimit;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.adapters.http.problem.ProblemType;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The limits of this instance, as the IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers-10) show
 * them on every answer: {@code RateLimit-Policy} names each quota and {@code RateLimit} says what is left of it and
 * in how many seconds it is whole again. Past a quota the answer is {@code 429 rate-limited} with
 * {@code Retry-After}. An API key's requests count against its key; refused tokens (none, or a bad one) count
 * against the client's address, which is refused before its token is even looked up once it has spent them.
 */
public final class RateLimits {
    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String STATE_HEADER = "RateLimit";

    private final TokenBuckets perKey;
    private final TokenBuckets failuresPerAddress;

    public RateLimits(RateLimitSettings settings) {
        this(settings, TimeMeter.SYSTEM_NANOTIME);
    }

    RateLimits(RateLimitSettings settings, TimeMeter time) {
        perKey = new TokenBuckets(
                List.of(
                        new QuotaPolicy("minute", settings.perMinute(), Duration.ofMinutes(1)),
                        new QuotaPolicy("burst", settings.perSecond(), Duration.ofSeconds(1))),
                settings.maxClients(),
                time);
        failuresPerAddress = new TokenBuckets(
                List.of(new QuotaPolicy("auth-failures", settings.authFailuresPerMinute(), Duration.ofMinutes(1))),
                settings.maxClients(),
                time);
    }

    /** Counts a request of this key; a 429 when one of its quotas is spent. */
    public void admit(Context ctx, UUID keyId) {
        answer(ctx, perKey, perKey.take(keyId.toString()));
    }

    /** A 429 for an address that has spent its refused tokens, before its token costs a lookup. */
    public void refuseSpentAddress(Context ctx) {
        answer(ctx, failuresPerAddress, failuresPerAddress.peek(ctx.ip()));
    }

    /** Counts a refused token against the address; the 401 that follows shows what is left. */
    public void countRefusal(Context ctx) {
        TokenBuckets.Allowance allowance = failuresPerAddress.take(ctx.ip());
        headers(ctx, failuresPerAddress, allowance);
    }

    private static void answer(Context ctx, TokenBuckets buckets, TokenBuckets.Allowance allowance) {
        headers(ctx, buckets, allowance);
        if (!allowance.allowed()) {
            long seconds = Math.max(1, (allowance.nanosToWait() + 999_999_999L) / 1_000_000_000L);
            ctx.header("Retry-After", Long.toString(seconds));
            throw new HttpProblemException(
                    ProblemType.RATE_LIMITED,
                    "too many requests; retry in " + seconds + " s (see the RateLimit and RateLimit-Policy headers)",
                    List.of());
        }
    }

    private static void headers(Context ctx, TokenBuckets buckets, TokenBuckets.Allowance allowance) {
        var policies = new StringJoiner(", ");
        var states = new StringJoiner(", ");
        List<QuotaPolicy> all = buckets.policies();
        for (int i = 0; i < all.size(); i++) {
            policies.add(all.get(i).describe());
            states.add(all.get(i).state(allowance.remaining()[i]));
        }
        ctx.header(POLICY_HEADER, policies.toString());
        ctx.header(STATE_HEADER, states.toString());
    }
}
