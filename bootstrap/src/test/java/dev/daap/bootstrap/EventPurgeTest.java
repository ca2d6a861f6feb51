package dev.daap.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventPurgeTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-11-25T12:00:00Z"));
    private final InMemoryEventLog log = new InMemoryEventLog();

    @Test
    void deletesOnlyEventsOlderThanTheRetention() {
        append(clock.instant().minus(Duration.ofDays(8)));
        EventPosition kept = append(clock.instant().minus(Duration.ofDays(6)));
        assertThat(EventPurge.purge(log, clock, EventPurge.DEFAULT_RETENTION)).isEqualTo(1);

        assertThat(log.all()).extracting(event -> event.position()).containsExactly(kept);
    }

    @Test
    void aFailedRunIsReportedAndTheNextRunStillHappens() {
        var failing = new FailingOnceLog(log);
        append(clock.instant().minus(Duration.ofDays(30)));
        try (var purge = EventPurge.start(failing, clock, EventPurge.DEFAULT_RETENTION, Duration.ofMillis(20))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> log.all().isEmpty());
        }
        assertThat(failing.calls).isGreaterThanOrEqualTo(2);
    }

    @Test
    void refusesARetentionThatWouldDeleteEverything() {
        assertThatThrownBy(() -> EventPurge.start(log, clock, Duration.ZERO, EventPurge.EVERY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private EventPosition append(Instant at) {
        return log.append(
                new NewEvent(at, EventType.DATABASE_CREATED, new TeamSlug("checkout"), UUID.randomUUID(), Map.of()));
    }

    /** The store is out of reach on the first run. */
    private static final class FailingOnceLog implements EventLog {
        private final EventLog delegate;
        private volatile int calls;

        FailingOnceLog(EventLog delegate) {
            this.delegate = delegate;
        }

        @Override
        public EventPosition append(NewEvent event) {
            return delegate.append(event);
        }

        @Override
        public List<Event> publishedAfter(EventPosition after, EventFilter filter, int limit) {
            return delegate.publishedAfter(after, filter, limit);
        }

        @Override
        public EventPosition head() {
            return delegate.head();
        }

        @Override
        public int deleteOccurredBefore(Instant cutoff) {
            if (calls++ == 0) {
                throw new IllegalStateException("the store is out of reach");
            }
            return delegate.deleteOccurredBefore(cutoff);
        }
    }
}
