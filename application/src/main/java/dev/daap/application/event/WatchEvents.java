package dev.daap.application.event;

import dev.daap.domain.access.Principal;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;

/**
 * Opens a live stream of the events the caller may see: after the position it names (the events it missed
 * first), or from now when it names none.
 */
public final class WatchEvents {
    /** Events read from the log at once while a stream catches up; bounds the memory a catch-up takes. */
    static final int CATCH_UP_PAGE = 200;

    private final EventLog log;
    private final EventHub hub;

    public WatchEvents(EventLog log, EventHub hub) {
        this.log = log;
        this.hub = hub;
    }

    /** The caller must close the stream. The query's limit does not apply: a stream has no end. */
    public EventStream open(Principal principal, EventQuery query) {
        EventFilter filter = query.filterFor(principal);
        return new EventStream(log, hub, filter, query.after(), CATCH_UP_PAGE);
    }
}
