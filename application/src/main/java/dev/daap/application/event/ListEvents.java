package dev.daap.application.event;

import dev.daap.domain.access.Principal;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import java.util.List;
import java.util.Optional;

/** A page of published events the caller may see, for clients that poll instead of holding a stream open. */
public final class ListEvents {
    private final EventLog log;

    public ListEvents(EventLog log) {
        this.log = log;
    }

    public EventPage execute(Principal principal, EventQuery query) {
        List<Event> items = log.publishedAfter(
                query.after().orElse(EventPosition.ORIGIN), query.filterFor(principal), query.limit());
        Optional<EventPosition> next =
                items.isEmpty() ? query.after() : Optional.of(items.getLast().position());
        return new EventPage(items, next);
    }

    /**
     * @param nextAfter where the next poll continues: the last item's position, or the one asked for when nothing
     *                  new was published; absent only when nothing was asked for and nothing is there yet
     */
    public record EventPage(List<Event> items, Optional<EventPosition> nextAfter) {
        public EventPage {
            items = List.copyOf(items);
        }
    }
}
