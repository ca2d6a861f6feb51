package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link EventLog} port keeps; the in-memory fake and the PostgreSQL log both
 * extend this class. Each test writes under a team of its own, so tests that share a log do not see each other's
 * events, and waits until its events are published (another transaction still open may hold them back briefly).
 * Only the retention test writes events older than the year 2000.
 */
public abstract class EventLogContract {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05.123456Z");

    /** The log under test. */
    protected abstract EventLog log();

    /** Runs {@code work} in a transaction that commits, as a use case does. */
    protected abstract <T> T inTransaction(Supplier<T> work);

    @Test
    void anAppendedEventIsReadBackWithEveryField() {
        TeamSlug team = aTeam();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", "orders");
        payload.put("version", 3L);
        payload.put("failure_reason", null);
        payload.put("flag", true);
        payload.put("changed", List.of("purpose", "labels"));
        NewEvent event = new NewEvent(NOW, EventType.DATABASE_UPDATED, team, UUID.randomUUID(), payload);

        EventPosition position = inTransaction(() -> log().append(event));

        awaitPublished(position);
        assertThat(log().publishedAfter(EventPosition.ORIGIN, ofTeam(team), 10)).containsExactly(event.at(position));
    }

    @Test
    void eventsAreReadInTheOrderTheirTransactionsCommitted() {
        TeamSlug team = aTeam();
        List<EventPosition> positions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            positions.add(inTransaction(() -> log().append(anEvent(team, EventType.DATABASE_CREATED))));
        }
        List<EventPosition> inOneTransaction = inTransaction(() -> List.of(
                log().append(anEvent(team, EventType.DATABASE_UPDATED)),
                log().append(anEvent(team, EventType.DATABASE_DELETED))));
        positions.addAll(inOneTransaction);

        awaitPublished(positions.getLast());
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        assertThat(log().publishedAfter(EventPosition.ORIGIN, ofTeam(team), 10))
                .extracting(Event::position)
                .containsExactlyElementsOf(positions);
    }

    @Test
    void readsOnlyAfterThePositionAndNoMoreThanTheLimit() {
        TeamSlug team = aTeam();
        List<EventPosition> positions = appendEach(team, EventType.DATABASE_CREATED, 5);

        assertThat(log().publishedAfter(positions.get(1), ofTeam(team), 10))
                .extracting(Event::position)
                .containsExactlyElementsOf(positions.subList(2, 5));
        assertThat(log().publishedAfter(positions.get(1), ofTeam(team), 2))
                .extracting(Event::position)
                .containsExactlyElementsOf(positions.subList(2, 4));
        assertThat(log().publishedAfter(positions.get(4), ofTeam(team), 10)).isEmpty();
    }

    @Test
    void filtersByTeamTypeAndResource() {
        TeamSlug team = aTeam();
        TeamSlug other = aTeam();
        UUID resource = UUID.randomUUID();
        EventPosition created = inTransaction(
                () -> log().append(new NewEvent(NOW, EventType.DATABASE_CREATED, team, resource, Map.of())));
        EventPosition updatedElsewhere = inTransaction(() -> log().append(anEvent(team, EventType.DATABASE_UPDATED)));
        EventPosition rotated = inTransaction(
                () -> log().append(new NewEvent(NOW, EventType.CREDENTIALS_ROTATED, team, resource, Map.of())));
        EventPosition othersEvent = inTransaction(
                () -> log().append(new NewEvent(NOW, EventType.DATABASE_CREATED, other, resource, Map.of())));
        awaitPublished(othersEvent);

        assertThat(positions(ofTeam(team))).containsExactly(created, updatedElsewhere, rotated);
        assertThat(positions(new EventFilter(
                        Optional.of(team),
                        Set.of(EventType.CREDENTIALS_ROTATED, EventType.DATABASE_UPDATED),
                        Optional.empty())))
                .containsExactly(updatedElsewhere, rotated);
        assertThat(positions(new EventFilter(Optional.of(team), Set.of(), Optional.of(resource))))
                .containsExactly(created, rotated);
        assertThat(positions(
                        new EventFilter(Optional.empty(), Set.of(EventType.DATABASE_CREATED), Optional.of(resource))))
                .containsExactly(created, othersEvent);
    }

    @Test
    void anEventOfTheFleetHasNoTeamAndOnlyAReadWithoutATeamFilterSeesIt() {
        TeamSlug team = aTeam();
        UUID cluster = UUID.randomUUID();
        NewEvent fleet = new NewEvent(
                NOW, EventType.CLUSTER_HEALTH_CHANGED, null, cluster, Map.of("name", "eu-1", "to", "down"));
        EventPosition teams = inTransaction(() -> log().append(anEvent(team, EventType.DATABASE_CREATED)));
        EventPosition position = inTransaction(() -> log().append(fleet));
        awaitPublished(position);

        assertThat(log().publishedAfter(teams, new EventFilter(Optional.empty(), Set.of(), Optional.of(cluster)), 10))
                .containsExactly(fleet.at(position));
        assertThat(positions(ofTeam(team))).containsExactly(teams);
        assertThat(positions(new EventFilter(
                        Optional.of(team), Set.of(EventType.CLUSTER_HEALTH_CHANGED), Optional.of(cluster))))
                .isEmpty();
    }

    @Test
    void theHeadIsTheNewestPublishedPosition() {
        TeamSlug team = aTeam();
        EventPosition last = appendEach(team, EventType.DATABASE_CREATED, 2).getLast();

        EventPosition head = log().head();

        assertThat(head).isGreaterThanOrEqualTo(last);
        assertThat(log().publishedAfter(head, ofTeam(team), 10)).isEmpty();
    }

    @Test
    void retentionDeletesOnlyEventsOlderThanTheCutoff() {
        TeamSlug team = aTeam();
        Instant old = Instant.parse("1990-01-01T00:00:00Z");
        EventPosition gone = inTransaction(
                () -> log().append(new NewEvent(old, EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of())));
        EventPosition kept = inTransaction(() -> log().append(new NewEvent(
                old.plus(Duration.ofDays(1)), EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of())));
        awaitPublished(kept);

        assertThat(log().deleteOccurredBefore(old.plus(Duration.ofHours(1)))).isEqualTo(1);

        assertThat(positions(ofTeam(team))).containsExactly(kept).doesNotContain(gone);
    }

    private List<EventPosition> appendEach(TeamSlug team, EventType type, int count) {
        List<EventPosition> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.add(inTransaction(() -> log().append(anEvent(team, type))));
        }
        awaitPublished(positions.getLast());
        return positions;
    }

    private List<EventPosition> positions(EventFilter filter) {
        return log().publishedAfter(EventPosition.ORIGIN, filter, 100).stream()
                .map(Event::position)
                .toList();
    }

    /** Published once the head has reached it: the published log is a prefix of the positions. */
    protected void awaitPublished(EventPosition position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> log().head().compareTo(position) >= 0);
    }

    protected static TeamSlug aTeam() {
        return new TeamSlug("t-" + UUID.randomUUID().toString().substring(0, 12));
    }

    protected static EventFilter ofTeam(TeamSlug team) {
        return new EventFilter(Optional.of(team), Set.of(), Optional.empty());
    }

    protected static NewEvent anEvent(TeamSlug team, EventType type) {
        return new NewEvent(NOW, type, team, UUID.randomUUID(), Map.of("name", "db"));
    }
}
