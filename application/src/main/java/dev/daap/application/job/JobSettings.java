package dev.daap.application.job;

import java.time.Duration;

/**
 * How jobs are retried and leased.
 *
 * @param maxAttempts attempts before a job (and its database) is marked failed
 * @param lease       how long a worker may hold a job before another worker presumes it dead and takes it
 * @param retryBase   the first retry's delay; each further retry doubles it (with jitter), up to {@code retryCap}
 * @param stuckGrace  how long past its lease a running job may sit before it is reported as stuck
 */
public record JobSettings(int maxAttempts, Duration lease, Duration retryBase, Duration retryCap, Duration stuckGrace) {
    public static final JobSettings DEFAULTS = new JobSettings(
            6, Duration.ofMinutes(2), Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofMinutes(1));

    public JobSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
