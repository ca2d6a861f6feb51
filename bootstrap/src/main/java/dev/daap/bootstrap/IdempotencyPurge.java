package dev.daap.bootstrap;

import dev.daap.domain.idempotency.IdempotencyStore;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys now and then, so the table holds about one retention period of rows. Expired
 * rows are already ignored by {@code begin}; this only keeps the table small, so a missed run costs nothing. Every
 * instance runs it; the deletes are idempotent and cheap on the expiry index.
 */
final class IdempotencyPurge {
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

    private IdempotencyPurge() {}

    static PeriodicTask start(IdempotencyStore store, Clock clock, Duration every) {
        return PeriodicTask.start("idempotency-purge", every, false, () -> purge(store, clock));
    }

    static int purge(IdempotencyStore store, Clock clock) {
        int deleted = store.deleteExpired(clock.instant());
        if (deleted > 0) {
            log.debug("deleted {} expired idempotency keys", deleted);
        }
        return deleted;
    }
}
