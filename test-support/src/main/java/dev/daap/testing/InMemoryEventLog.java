package dev.daap.testing;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fake of the {@link EventLog} port, kept to the same rules by {@link EventLogContract}. It has no transactions:
 * an appended event is published at once, each at a new, higher position.
 */
public final class InMemoryEventLog implements EventLog {
    private final List<Event> events = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads
    private long next = 1;

    @Override
    public EventPosition append(NewEvent event) {
        lock.lock();
        try {
            EventPosition position = new EventPosition(next, next);
            next++;
            events.add(event.at(position));
            return position;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Event> publishedAfter(EventPosition after, EventFilter filter, int limit) {
        lock.lock();
        try {
            return events.stream()
                    .filter(event -> event.position().isAfter(after) && filter.matches(event))
                    .limit(limit)
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public EventPosition head() {
        lock.lock();
        try {
            return events.isEmpty() ? EventPosition.ORIGIN : events.getLast().position();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int deleteOccurredBefore(Instant cutoff) {
        lock.lock();
        try {
            int before = events.size();
            events.removeIf(event -> event.occurredAt().isBefore(cutoff));
            return before - events.size();
        } finally {
            lock.unlock();
        }
    }

    /** Everything stored, oldest first: for tests that check what a use case appended. */
    public List<Event> all() {
        return publishedAfter(EventPosition.ORIGIN, EventFilter.ALL, Integer.MAX_VALUE);
    }
}
