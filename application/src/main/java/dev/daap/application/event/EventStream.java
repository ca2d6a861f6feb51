package dev.daap.application.event;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One client's stream: first the events it missed, page by page from the log, then live ones from the hub, each
 * exactly once and in position order.
 *
 * <p>The hand-over: the stream subscribes <em>before</em> it reads the log. Whatever the hub publishes after that
 * lands in the buffer; whatever it published before was already in the log when the catch-up read ran, since the
 * published log only grows at its end. Live events at or before the last position sent are dropped, because the
 * catch-up read may have seen further than the hub had got. If the subscription lags while the stream is still
 * catching up, it subscribes again before the next read, by the same argument.
 */
public final class EventStream implements AutoCloseable {
    private final EventLog log;
    private final EventHub hub;
    private final EventFilter filter;
    private final int pageSize;
    private Subscription subscription;
    private EventPosition last;
    private boolean catchingUp = true;

    /** Resumes after {@code after}; without one, from the newest published event, read after subscribing. */
    EventStream(EventLog log, EventHub hub, EventFilter filter, Optional<EventPosition> after, int pageSize) {
        this.log = log;
        this.hub = hub;
        this.filter = filter;
        this.pageSize = pageSize;
        this.subscription = hub.subscribe(filter);
        try {
            this.last = after.orElseGet(log::head);
        } catch (RuntimeException e) {
            subscription.close();
            throw e;
        }
    }

    /**
     * The next events to send, oldest first. Empty when {@code wait} passed without any (time for a heartbeat),
     * or when the stream {@link #ended()}.
     */
    public List<Event> next(Duration wait) throws InterruptedException {
        if (catchingUp) {
            List<Event> page = catchUp();
            if (!page.isEmpty() || catchingUp) {
                return page;
            }
        }
        List<Event> live = subscription.poll(wait);
        return sent(
                live.stream().filter(event -> event.position().isAfter(last)).toList());
    }

    private List<Event> catchUp() {
        if (subscription.state() == Subscription.State.LAGGED) {
            subscription = hub.subscribe(filter);
        }
        List<Event> page = log.publishedAfter(last, filter, pageSize);
        catchingUp = page.size() == pageSize;
        return sent(page);
    }

    private List<Event> sent(List<Event> events) {
        if (!events.isEmpty()) {
            last = events.getLast().position();
        }
        return events;
    }

    /** True once no more events will come: the client lagged behind or the hub shut down; it resumes elsewhere. */
    public boolean ended() {
        Subscription.State state = subscription.state();
        return state == Subscription.State.CLOSED || !catchingUp && state != Subscription.State.OPEN;
    }

    /** Why it ended: {@code LAGGED} or {@code CLOSED}; {@code OPEN} while it runs. */
    public Subscription.State state() {
        return subscription.state();
    }

    /** The position of the last event handed out (or the one it resumed from): where a reconnect resumes. */
    public EventPosition lastPosition() {
        return last;
    }

    @Override
    public void close() {
        subscription.close();
    }
}
