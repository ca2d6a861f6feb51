package dev.daap.adapters.http.event;

import dev.daap.domain.event.Event;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One event as clients read it, in a JSON page and as an SSE message's data.
 *
 * @param id   the event's position: what {@code Last-Event-ID} and {@code after} take back; opaque to clients
 * @param team null for an event of the fleet ({@code cluster.health_changed}), which only platform admins see
 * @param data the event's facts; depend on {@code type}
 */
public record EventResponse(
        String id, String type, Instant occurredAt, String team, UUID resourceId, Map<String, Object> data) {

    public static EventResponse from(Event event) {
        return new EventResponse(
                event.position().encode(),
                event.type().wireName(),
                event.occurredAt(),
                event.team() == null ? null : event.team().value(),
                event.resourceId(),
                event.payload());
    }
}
