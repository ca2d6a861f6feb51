package dev.daap.application.event;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFanOut;
import dev.daap.domain.event.EventFilter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This instance's live subscribers, fed by the one relay that reads the event log. Publishing only ever adds to
 * each subscriber's bounded buffer, so a slow subscriber costs the others nothing: it lags, is dropped, and its
 * client resumes from the log.
 */
public final class EventHub implements EventFanOut, AutoCloseable {
    /** Events a subscriber may have unread before it is dropped as lagging. */
    public static final int DEFAULT_BUFFER = 1_000;

    private final int bufferCapacity;
    private final Set<Subscription> subscribers = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public EventHub(int bufferCapacity) {
        if (bufferCapacity < 1) {
            throw new IllegalArgumentException("a subscriber's buffer holds at least one event");
        }
        this.bufferCapacity = bufferCapacity;
    }

    /** A new subscriber that gets the matching events published from now on. */
    public Subscription subscribe(EventFilter filter) {
        var subscription = new Subscription(filter, bufferCapacity, subscribers::remove);
        subscribers.add(subscription);
        if (closed) {
            subscription.close(); // lost a race with close(): end at once rather than never hear again
        }
        return subscription;
    }

    @Override
    public void publish(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        for (Subscription subscription : subscribers) {
            subscription.offer(events); // a subscriber that cannot take them ends and removes itself
        }
    }

    @Override
    public boolean hasSubscribers() {
        return !subscribers.isEmpty();
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    /** The fullest buffer's size: bounded by the capacity, whatever the subscribers do. */
    public int largestBuffer() {
        return subscribers.stream().mapToInt(Subscription::buffered).max().orElse(0);
    }

    public int bufferCapacity() {
        return bufferCapacity;
    }

    /** Ends every subscription (their streams end and clients reconnect elsewhere); for shutdown. */
    @Override
    public void close() {
        closed = true;
        for (Subscription subscription : List.copyOf(subscribers)) {
            subscription.close();
        }
    }
}
