package dev.daap.domain.event;

import java.util.List;

/**
 * Where the relay that reads the log hands published events on to this instance's live subscribers (the in-memory
 * hub). It must never block on a subscriber: a slow one is dropped, not waited for.
 */
public interface EventFanOut {

    /** Published events, in position order, each handed over once. */
    void publish(List<Event> events);

    /** Whether anyone listens; the relay polls the log for held-back events only then. */
    boolean hasSubscribers();
}
