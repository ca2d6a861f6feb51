package dev.daap.application.job;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries of many jobs that
 * failed together (a target cluster that was down) spread out instead of returning in lockstep.
 */
final class RetryPolicy {
    private final JobSettings settings;

    RetryPolicy(JobSettings settings) {
        this.settings = settings;
    }

    Duration delayAfter(int attempts) {
        long base = settings.retryBase().toMillis();
        long exponential = base << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(exponential, settings.retryCap().toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
