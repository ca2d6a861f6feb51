package dev.daap.bootstrap;

import dev.daap.domain.event.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes events older than the retention now and then, so the log holds about one retention period. A client
 * that resumes from a position older than that gets what is left, from the oldest kept event. Every instance runs
 * it; the deletes are idempotent and cheap on the occurred_at index, and a missed run only leaves rows longer.
 */
final class EventPurge implements AutoCloseable {
    static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(EventPurge.class);

    private final EventLog events;
    private final Clock clock;
    private final Duration retention;
    private final Duration every;
    private final ScheduledExecutorService scheduler;

    EventPurge(EventLog events, Clock clock, Duration retention, Duration every, ScheduledExecutorService scheduler) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the event retention must be positive");
        }
        this.events = events;
        this.clock = clock;
        this.retention = retention;
        this.every = every;
        this.scheduler = scheduler;
    }

    /** Runs {@link #runOnce()} every {@code every}, the first time after one period, on a daemon thread. */
    static EventPurge start(EventLog events, Clock clock, Duration retention, Duration every) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "daap-event-purge");
            thread.setDaemon(true); // never holds the JVM up at shutdown
            return thread;
        });
        var purge = new EventPurge(events, clock, retention, every, scheduler);
        scheduler.scheduleWithFixedDelay(purge::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return purge;
    }

    /** One purge; never throws, because an exception would cancel every later run of a scheduled task. */
    int runOnce() {
        try {
            int deleted = events.deleteOccurredBefore(clock.instant().minus(retention));
            if (deleted > 0) {
                log.debug("deleted {} events older than {}", deleted, retention);
            }
            return deleted;
        } catch (RuntimeException e) {
            log.warn("could not delete events older than {}; trying again in {}", retention, every, e);
            return 0;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
