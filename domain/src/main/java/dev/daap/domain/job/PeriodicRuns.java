package dev.daap.domain.job;

import java.time.Duration;
import java.time.Instant;

/**
 * When each of DAAP's periodic tasks last ran, shared by every instance (a secondary port), so that a task due once
 * per interval runs once per interval however many instances run it. Calls join the transaction open on the calling
 * thread.
 */
public interface PeriodicRuns {
    /**
     * Claims the run of {@code task} at {@code now} if it has not run within {@code every} before: true for exactly
     * one of several callers racing for the same run (the others wait for the winner's transaction, then see its run).
     */
    boolean claim(String task, Duration every, Instant now);
}
