package dev.daap.bootstrap;

import dev.daap.domain.idempotency.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Deletes expired idempotency keys now and then, so the table holds about one retention period of rows. Expired
 * rows are already ignored by {@code begin}; this only keeps the table small, so a missed run costs nothing. Every
 * instance runs it; the deletes are idempotent and cheap on the expiry index.
 */
final class IdempotencyPurge implements AutoCloseable {
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final Clock clock;
    private final Duration every;
    private final ScheduledExecutorService scheduler;

    private IdempotencyPurge(IdempotencyStore store, Clock clock, Duration every, ScheduledExecutorService scheduler) {
        this.store = store;
        this.clock = clock;
        this.every = every;
        this.scheduler = scheduler;
    }

    /** Runs {@link #runOnce()} every {@code every}, the first time after one period, on a daemon thread. */
    static IdempotencyPurge start(IdempotencyStore store, Clock clock, Duration every) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "daap-idempotency-purge");
            thread.setDaemon(true); // never holds the JVM up at shutdown
            return thread;
        });
        var purge = new IdempotencyPurge(store, clock, every, scheduler);
        scheduler.scheduleWithFixedDelay(purge::runOnce, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        return purge;
    }

    /** One purge; never throws, because an exception would cancel every later run of a scheduled task. */
    int runOnce() {
        try {
            int deleted = store.deleteExpired(clock.instant());
            if (deleted > 0) {
                log.debug("deleted {} expired idempotency keys", deleted);
            }
            return deleted;
        } catch (RuntimeException e) {
            log.warn("could not delete expired idempotency keys; trying again in {}", every, e);
            return 0;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
