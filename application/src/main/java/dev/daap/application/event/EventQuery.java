package dev.daap.application.event;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.Validation;
import dev.daap.domain.error.AccessDeniedException;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a client asks of the event log: which types (all when empty), which resource, after which position, and
 * for a page how many. The caller's team is not part of it: the use cases add that from the {@link Principal}.
 */
public record EventQuery(Set<EventType> types, Optional<UUID> resourceId, Optional<EventPosition> after, int limit) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;

    public EventQuery {
        types = Set.copyOf(types);
        resourceId = resourceId == null ? Optional.empty() : resourceId;
        after = after == null ? Optional.empty() : after;
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * From raw parameters, naming every bad one at once. Each type may be a comma-separated list; every argument
     * may be null (absent). {@code afterField} names where the position came from ({@code after} or the
     * {@code Last-Event-ID} header), so the error says which one is wrong.
     */
    public static EventQuery of(List<String> types, String resourceId, String afterField, String after, String limit) {
        var validation = new Validation();
        Set<EventType> validTypes = EnumSet.noneOf(EventType.class);
        for (String raw : types == null ? List.<String>of() : types) {
            for (String name : raw.split(",", -1)) {
                EventType type = validation.field("type", () -> EventType.fromWireName(name.strip()));
                if (type != null) {
                    validTypes.add(type);
                }
            }
        }
        UUID resource = validation.optionalField("resource_id", resourceId, EventQuery::uuid);
        EventPosition position = validation.optionalField(afterField, after, EventPosition::parse);
        Integer size =
                limit == null ? DEFAULT_LIMIT : validation.field("limit", () -> Page.parseSize(limit, MAX_LIMIT));
        validation.throwIfInvalid();
        return new EventQuery(validTypes, Optional.ofNullable(resource), Optional.ofNullable(position), size);
    }

    /** The filter for what this caller may see: its own team's events, or every team's for a platform admin. */
    EventFilter filterFor(Principal principal) {
        if (principal.isPlatformAdmin()) {
            return new EventFilter(Optional.empty(), types, resourceId);
        }
        return new EventFilter(
                Optional.of(principal
                        .teamSlug()
                        .orElseThrow(() -> new AccessDeniedException("a key without a team sees no team's events"))),
                types,
                resourceId);
    }

    private static UUID uuid(String raw) {
        try {
            if (raw.length() == 36) {
                return UUID.fromString(raw);
            }
        } catch (IllegalArgumentException e) {
            // the message below says what is expected
        }
        throw new IllegalArgumentException("must be a UUID such as 0192f4a4-7c1e-7b3a-9f2d-3c4e5a6b7c8d");
    }
}
