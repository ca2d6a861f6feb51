package dev.daap.application.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.error.AccessDeniedException;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryEventLog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The raw parameters of an event query, and what each caller may see. */
class EventQueryTest {
    private static final TeamSlug CHECKOUT = new TeamSlug("checkout");

    @Test
    void typesMayRepeatAndBeCommaLists() {
        EventQuery query = EventQuery.of(
                List.of("database.created,database.deleted", "credentials.rotated"), null, "after", null, null);

        assertThat(query.types())
                .containsExactlyInAnyOrder(
                        EventType.DATABASE_CREATED, EventType.DATABASE_DELETED, EventType.CREDENTIALS_ROTATED);
        assertThat(query.limit()).isEqualTo(EventQuery.DEFAULT_LIMIT);
        assertThat(query.after()).isEmpty();
    }

    @Test
    void namesEveryBadParameterAtOnceWithWhereThePositionCameFrom() {
        assertThatThrownBy(() -> EventQuery.of(
                        List.of("database.created,database.exploded"), "not-a-uuid", "Last-Event-ID", "garbage", "0"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("type", "resource_id", "Last-Event-ID", "limit"));
    }

    @Test
    void aTeamKeySeesItsTeamAndAPlatformAdminEveryTeam() {
        EventQuery query = EventQuery.of(null, null, "after", null, null);

        assertThat(query.filterFor(new Principal(UUID.randomUUID(), CHECKOUT, Role.VIEWER))
                        .team())
                .contains(CHECKOUT);
        assertThat(query.filterFor(new Principal(UUID.randomUUID(), null, Role.PLATFORM_ADMIN))
                        .team())
                .isEmpty();
        assertThatThrownBy(() -> query.filterFor(new Principal(UUID.randomUUID(), null, Role.ADMIN)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPageContinuesAfterItsLastItemOrWhereItWasAsked() {
        var log = new InMemoryEventLog();
        var list = new ListEvents(log);
        var viewer = new Principal(UUID.randomUUID(), CHECKOUT, Role.VIEWER);
        assertThat(list.execute(viewer, page(null, 2)).nextAfter()).isEmpty();
        EventPosition first = log.append(event(CHECKOUT));
        log.append(event(new TeamSlug("payments")));
        EventPosition third = log.append(event(CHECKOUT));

        ListEvents.EventPage page = list.execute(viewer, page(null, 2));
        assertThat(page.items()).extracting(e -> e.position()).containsExactly(first, third);
        assertThat(page.nextAfter()).contains(third);

        ListEvents.EventPage empty = list.execute(viewer, page(third, 2));
        assertThat(empty.items()).isEmpty();
        assertThat(empty.nextAfter()).contains(third);
    }

    private static EventQuery page(EventPosition after, int limit) {
        return new EventQuery(Set.of(), Optional.empty(), Optional.ofNullable(after), limit);
    }

    private static NewEvent event(TeamSlug team) {
        return new NewEvent(Instant.now(), EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of());
    }
}
