package dev.daap.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NewEventTest {
    private static final TeamSlug TEAM = new TeamSlug("checkout");

    @Test
    void keepsAJsonLikePayloadWithNullsAndTruncatesTheTimeToMicroseconds() {
        Map<String, Object> payload = new HashMap<>();
        payload.put("failure_reason", null);
        payload.put("changed", List.of("purpose"));
        payload.put("version", 2L);

        var event = new NewEvent(
                Instant.parse("2026-01-01T00:00:00.123456789Z"),
                EventType.DATABASE_UPDATED,
                TEAM,
                UUID.randomUUID(),
                payload);

        assertThat(event.payload()).containsEntry("failure_reason", null).containsEntry("version", 2L);
        assertThat(event.occurredAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00.123456Z"));
        assertThatThrownBy(() -> event.payload().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anEventOfTheFleetHasNoTeamAndEveryOtherEventHasOne() {
        UUID cluster = UUID.randomUUID();
        var fleet = new NewEvent(Instant.now(), EventType.CLUSTER_HEALTH_CHANGED, null, cluster, Map.of());

        assertThat(fleet.team()).isNull();
        assertThatThrownBy(() -> new NewEvent(Instant.now(), EventType.CLUSTER_HEALTH_CHANGED, TEAM, cluster, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to no team");
        assertThatThrownBy(() -> new NewEvent(Instant.now(), EventType.DATABASE_CREATED, null, cluster, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to a team");
    }

    @Test
    void aTeamsFilterNeverMatchesAnEventOfTheFleet() {
        Event fleet = new NewEvent(Instant.now(), EventType.CLUSTER_HEALTH_CHANGED, null, UUID.randomUUID(), Map.of())
                .at(new EventPosition(1, 1));

        assertThat(new EventFilter(Optional.of(TEAM), Set.of(), Optional.empty()).matches(fleet))
                .isFalse();
        assertThat(EventFilter.ALL.matches(fleet)).isTrue();
    }

    @Test
    void refusesValuesThatAreNotJson() {
        assertThatThrownBy(() -> new NewEvent(
                        Instant.now(),
                        EventType.DATABASE_CREATED,
                        TEAM,
                        UUID.randomUUID(),
                        Map.of("at", Instant.now())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Instant");
        assertThatThrownBy(() -> new NewEvent(
                        Instant.now(),
                        EventType.DATABASE_CREATED,
                        TEAM,
                        UUID.randomUUID(),
                        Map.of("nested", Map.of(1, "x"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterMatchesByTeamTypeAndResource() {
        UUID resource = UUID.randomUUID();
        Event event = new NewEvent(Instant.now(), EventType.DATABASE_CREATED, TEAM, resource, Map.of())
                .at(new EventPosition(1, 1));

        assertThat(EventFilter.ALL.matches(event)).isTrue();
        assertThat(filter(TEAM, List.of(EventType.DATABASE_CREATED), resource).matches(event))
                .isTrue();
        assertThat(filter(new TeamSlug("payments"), List.of(), null).matches(event))
                .isFalse();
        assertThat(filter(null, List.of(EventType.DATABASE_DELETED), null).matches(event))
                .isFalse();
        assertThat(filter(null, List.of(), UUID.randomUUID()).matches(event)).isFalse();
    }

    private static EventFilter filter(TeamSlug team, List<EventType> types, UUID resource) {
        return new EventFilter(Optional.ofNullable(team), Set.copyOf(types), Optional.ofNullable(resource));
    }
}
