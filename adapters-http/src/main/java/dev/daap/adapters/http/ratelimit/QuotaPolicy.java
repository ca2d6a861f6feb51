package dev.daap.adapters.http.ratelimit;

import java.time.Duration;

/**
 * One quota of a token bucket as the IETF RateLimit header fields name it: {@code quota} requests per
 * {@code window}, refilled continuously (greedily), so the bucket also holds at most {@code quota}.
 */
record QuotaPolicy(String name, long quota, Duration window) {
    QuotaPolicy {
        if (!name.matches("[a-z][a-z0-9-]*") || quota < 1 || window.toSeconds() < 1) {
            throw new IllegalArgumentException("a policy needs a token name, a positive quota and a window of 1s+");
        }
    }

    /** This policy as a member of {@code RateLimit-Policy}: {@code "minute";q=700;w=60}. */
    String describe() {
        return "\"" + name + "\";q=" + quota + ";w=" + window.toSeconds();
    }

    /**
     * The state as a member of {@code RateLimit}: {@code r} requests remain, and {@code t} seconds from now the
     * bucket is full again (the quota is whole), at the refill rate of quota per window.
     */
    String state(long remaining) {
        long missing = Math.max(0, quota - remaining);
        long seconds = (missing * window.toSeconds() + quota - 1) / quota; // rounded up
        return "\"" + name + "\";r=" + Math.max(0, remaining) + ";t=" + seconds;
    }
}
