package dev.daap.domain.event;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An event about to be appended: its position is assigned by the log when it is stored.
 *
 * @param team the team of the resource; null for an event of the fleet (see {@link EventType#hasTeam()})
 */
public record NewEvent(
        Instant occurredAt, EventType type, TeamSlug team, UUID resourceId, Map<String, Object> payload) {
    public NewEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        requireTeamAsTypeSays(type, team);
        Objects.requireNonNull(resourceId, "resourceId");
        // PostgreSQL keeps microseconds: what is read back then equals what was appended.
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MICROS);
        payload = copyOf(payload);
    }

    static void requireTeamAsTypeSays(EventType type, TeamSlug team) {
        if (type.hasTeam() != (team != null)) {
            throw new IllegalArgumentException(
                    type.wireName() + (type.hasTeam() ? " belongs to a team" : " belongs to no team"));
        }
    }

    /** The event as it reads once stored at {@code position}. */
    public Event at(EventPosition position) {
        return new Event(position, occurredAt, type, team, resourceId, payload);
    }

    /** Keeps insertion order (the JSON reads as written) and allows null values, which Map.copyOf does not. */
    static Map<String, Object> copyOf(Map<String, Object> payload) {
        if (payload == null) {
            return Map.of();
        }
        payload.values().forEach(NewEvent::requireJsonLike);
        return Collections.unmodifiableMap(new LinkedHashMap<>(payload));
    }

    /** Every adapter must be able to write the payload as JSON and read back what it wrote. */
    private static void requireJsonLike(Object value) {
        switch (value) {
            case null -> {}
            case String ignored -> {}
            case Boolean ignored -> {}
            case Long ignored -> {}
            case Double ignored -> {}
            case List<?> list -> list.forEach(NewEvent::requireJsonLike);
            case Map<?, ?> map ->
                map.forEach((key, nested) -> {
                    if (!(key instanceof String)) {
                        throw new IllegalArgumentException("an event payload's keys are strings");
                    }
                    requireJsonLike(nested);
                });
            default ->
                throw new IllegalArgumentException("an event payload holds strings, numbers, booleans, "
                        + "null, lists and maps, not " + value.getClass().getSimpleName());
        }
    }
}
