package dev.daap.adapters.http.event;

import dev.daap.application.event.ListEvents.EventPage;
import dev.daap.domain.event.EventPosition;
import java.util.List;

/**
 * A page of {@code GET /v1/events?format=json}. {@code next_after} is what the next poll sends as {@code after};
 * it is null only when nothing was asked after and nothing has been published yet.
 */
public record EventPageResponse(List<EventResponse> items, String nextAfter) {

    public static EventPageResponse from(EventPage page) {
        return new EventPageResponse(
                page.items().stream().map(EventResponse::from).toList(),
                page.nextAfter().map(EventPosition::encode).orElse(null));
    }
}
