package dev.daap.domain.event;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A published event: something that happened to a resource of {@code team}, at {@code position} in the log.
 *
 * @param team    null for an event of the fleet, which only platform admins see
 * @param payload a few JSON-like facts (strings, numbers, booleans, null, lists, maps); never a secret
 */
public record Event(
        EventPosition position,
        Instant occurredAt,
        EventType type,
        TeamSlug team,
        UUID resourceId,
        Map<String, Object> payload) {
    public Event {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        NewEvent.requireTeamAsTypeSays(type, team);
        Objects.requireNonNull(resourceId, "resourceId");
        payload = NewEvent.copyOf(payload);
    }
}
