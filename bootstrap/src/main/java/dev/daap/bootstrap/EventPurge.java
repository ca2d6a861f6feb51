package dev.daap.bootstrap;

import dev.daap.domain.event.EventLog;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than the retention now and then, so the log holds about one retention period. A client
 * that resumes from a position older than that gets what is left, from the oldest kept event. Every instance runs
 * it; the deletes are idempotent and cheap on the occurred_at index, and a missed run only leaves rows longer.
 */
final class EventPurge {
    static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    static final Duration EVERY = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(EventPurge.class);

    private EventPurge() {}

    static PeriodicTask start(EventLog events, Clock clock, Duration retention, Duration every) {
        checkRetention(retention);
        return PeriodicTask.start("event-purge", every, false, () -> purge(events, clock, retention));
    }

    static int purge(EventLog events, Clock clock, Duration retention) {
        checkRetention(retention);
        int deleted = events.deleteOccurredBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            log.debug("deleted {} events older than {}", deleted, retention);
        }
        return deleted;
    }

    private static void checkRetention(Duration retention) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("the event retention must be positive");
        }
    }
}
