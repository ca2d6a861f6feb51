package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.NotificationListener;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFanOut;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's one reader of the event log: it listens for "an event was appended" on a connection of its own,
 * and on each notification reads the log from the last position it handed on and hands the new events to the
 * fan-out. A notification is only a cue: the log is the truth, so a notification lost while the connection was
 * down costs nothing (every reconnect reads too), and events held back behind an older transaction that was
 * still open are picked up by a poll, which runs every {@code pollInterval} while anyone subscribes.
 */
public final class EventRelay implements AutoCloseable {
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(EventRelay.class);
    private static final int BATCH = 200;

    private final EventLog events;
    private final EventFanOut fanOut;
    private final NotificationListener listener;
    private volatile EventPosition position;
    private volatile long reads; // written only on the listener's thread
    private boolean failing; // touched only on the listener's thread

    public EventRelay(DataSource unpooled, EventLog events, String channel, EventFanOut fanOut, Duration pollInterval) {
        this.events = events;
        this.fanOut = fanOut;
        this.listener = new NotificationListener(
                unpooled, channel, "daap-event-relay", pollInterval, new NotificationListener.Reactions() {
                    @Override
                    public void connected() {
                        relay(); // whatever was notified while we were not listening
                    }

                    @Override
                    public void notified(List<String> payloads) {
                        relay();
                    }

                    @Override
                    public void idle() {
                        if (fanOut.hasSubscribers()) {
                            relay(); // events held back by a transaction that was open may be published now
                        }
                    }
                });
    }

    /**
     * Starts from the newest published event, read here, before the first subscriber can come: a subscriber then
     * either resumes from the log or starts after this position, so it misses nothing. Throws if the log cannot
     * be read.
     */
    public void start() {
        position = events.head();
        listener.start();
    }

    /** The position of the last event handed on. */
    public EventPosition position() {
        return position;
    }

    /** How many times it has read the log: lets a test (or a metric) see that a cue was acted on. */
    public long reads() {
        return reads;
    }

    private void relay() {
        try {
            List<Event> batch;
            do {
                batch = events.publishedAfter(position, EventFilter.ALL, BATCH);
                if (!batch.isEmpty()) {
                    fanOut.publish(batch);
                    position = batch.getLast().position();
                }
            } while (batch.size() == BATCH);
            reads++;
            if (failing) {
                log.info("The event relay reads the event log again, from {}", position);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) { // once per outage, not once per poll
                log.warn(
                        "The event relay cannot read the event log after {}; it retries on the next notification "
                                + "or poll",
                        position,
                        e);
                failing = true;
            }
        }
    }

    @Override
    public void close() {
        listener.close();
    }
}
