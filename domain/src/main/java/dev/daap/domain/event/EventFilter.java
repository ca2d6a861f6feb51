package dev.daap.domain.event;

import dev.daap.domain.team.TeamSlug;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Which events a reader gets: those of one team (or every event, team-less ones of the fleet too, for a platform
 * admin), of the given types (all when empty), about one resource (any when absent). The same filter runs in SQL on the log and in memory on live
 * events, so both halves of a stream agree.
 */
public record EventFilter(Optional<TeamSlug> team, Set<EventType> types, Optional<UUID> resourceId) {
    /** Every event: what the relay reads before it fans out. */
    public static final EventFilter ALL = new EventFilter(Optional.empty(), Set.of(), Optional.empty());

    public EventFilter {
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(resourceId, "resourceId");
        types = Set.copyOf(types);
    }

    public boolean matches(Event event) {
        return team.map(wanted -> wanted.equals(event.team())).orElse(true)
                && (types.isEmpty() || types.contains(event.type()))
                && resourceId.map(event.resourceId()::equals).orElse(true);
    }
}
