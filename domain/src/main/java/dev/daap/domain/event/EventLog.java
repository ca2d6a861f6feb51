package dev.daap.domain.event;

import java.time.Instant;
import java.util.List;

/**
 * The durable log of events (a secondary port), the truth that live streams are fed from and resume from.
 * {@link #append} joins the transaction open on the calling thread, so an event is stored exactly when the change
 * it describes is, and readers learn of it when that transaction commits.
 *
 * <p>An event is <em>published</em> once no transaction that could still add an event before it is running. Reads
 * return published events only, in position order, so the published log only ever grows at its end: a reader who
 * saw everything up to a position never finds a new event before it later.
 */
public interface EventLog {

    /** Stores the event in the open transaction and returns its position. */
    EventPosition append(NewEvent event);

    /** Published events after {@code after} that match {@code filter}, oldest first, at most {@code limit}. */
    List<Event> publishedAfter(EventPosition after, EventFilter filter, int limit);

    /** The position of the newest published event, {@link EventPosition#ORIGIN} when there is none. */
    EventPosition head();

    /** Deletes events that occurred before {@code cutoff}; returns how many went. */
    int deleteOccurredBefore(Instant cutoff);
}
