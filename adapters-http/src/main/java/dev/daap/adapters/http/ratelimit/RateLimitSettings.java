package dev.daap.adapters.http.ratelimit;

/**
 * The limits of one instance. Each API key has a token bucket that holds {@code perSecond} requests and refills at
 * that rate, inside a second one that holds {@code perMinute} and refills at that rate per minute; each client
 * address has a bucket of {@code authFailuresPerMinute} refused tokens (no key or a bad one).
 *
 * @param maxClients how many keys and addresses each keeps buckets for; past it the least recently seen are
 *     forgotten (which gives them full buckets again), so no client can grow memory without bound
 */
public record RateLimitSettings(int perMinute, int perSecond, int authFailuresPerMinute, int maxClients) {
    /** At least as generous as Neon's published limits (700 a minute, bursts of 40 a second). */
    public static final int DEFAULT_PER_MINUTE = 700;

    public static final int DEFAULT_PER_SECOND = 40;
    public static final int DEFAULT_AUTH_FAILURES_PER_MINUTE = 60;
    public static final int DEFAULT_MAX_CLIENTS = 100_000;

    public RateLimitSettings {
        if (perMinute < 1 || perSecond < 1 || authFailuresPerMinute < 1) {
            throw new IllegalArgumentException("rate limits must be positive");
        }
        if (maxClients < 1) {
            throw new IllegalArgumentException("maxClients must be positive");
        }
    }

    public static RateLimitSettings defaults() {
        return new RateLimitSettings(
                DEFAULT_PER_MINUTE, DEFAULT_PER_SECOND, DEFAULT_AUTH_FAILURES_PER_MINUTE, DEFAULT_MAX_CLIENTS);
    }
}
