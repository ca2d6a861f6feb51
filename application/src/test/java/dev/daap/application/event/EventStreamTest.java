package dev.daap.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.access.Principal;
import dev.daap.domain.access.Role;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.InMemoryEventLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The hand-over from the log to the live feed, with a relay that a test moves by hand: every event exactly once,
 * in order, however far the relay is behind or ahead of the stream's catch-up.
 */
class EventStreamTest {
    private static final TeamSlug CHECKOUT = new TeamSlug("checkout");
    private static final TeamSlug PAYMENTS = new TeamSlug("payments");
    private static final Principal CHECKOUT_VIEWER = new Principal(UUID.randomUUID(), CHECKOUT, Role.VIEWER);
    private static final Duration NO_WAIT = Duration.ZERO;
    private final InMemoryEventLog log = new InMemoryEventLog();
    private final EventHub hub = new EventHub(5);
    private final WatchEvents watch = new WatchEvents(log, hub);
    private EventPosition relayed = EventPosition.ORIGIN;

    @Test
    void sendsWhatWasMissedThenLiveEventsWithoutRepeatingWhatTheRelayDeliversLate() throws Exception {
        List<EventPosition> before = append(CHECKOUT, 3);
        relay(); // the relay is up to date with the first three
        try (EventStream stream = watch.open(CHECKOUT_VIEWER, after(before.getFirst()))) {
            List<EventPosition> meanwhile = append(CHECKOUT, 2); // in the log, not yet relayed

            assertThat(positions(stream.next(NO_WAIT)))
                    .containsExactly(before.get(1), before.get(2), meanwhile.get(0), meanwhile.get(1));
            relay(); // now the relay delivers the two the catch-up already sent
            List<EventPosition> live = append(CHECKOUT, 1);
            relay();

            assertThat(positions(stream.next(NO_WAIT))).containsExactlyElementsOf(live);
            assertThat(stream.next(NO_WAIT)).isEmpty();
            assertThat(stream.lastPosition()).isEqualTo(live.getFirst());
        }
    }

    @Test
    void anEventRelayedBetweenSubscribingAndTheCatchUpReadIsSentOnce() throws Exception {
        try (EventStream stream = watch.open(CHECKOUT_VIEWER, query(Optional.empty()))) {
            List<EventPosition> appended = append(CHECKOUT, 1);
            relay(); // in the subscriber's buffer and in the log

            assertThat(positions(stream.next(NO_WAIT))).containsExactlyElementsOf(appended);
            assertThat(stream.next(NO_WAIT)).isEmpty();
        }
    }

    @Test
    void withoutAPositionItStartsFromNow() throws Exception {
        append(CHECKOUT, 2);
        try (EventStream stream = watch.open(CHECKOUT_VIEWER, query(Optional.empty()))) {
            assertThat(stream.next(Duration.ofMillis(10))).isEmpty();

            List<EventPosition> live = append(CHECKOUT, 1);
            relay();

            assertThat(positions(stream.next(NO_WAIT))).containsExactlyElementsOf(live);
        }
    }

    @Test
    void aLongBacklogIsReadPageByPageAndALagDuringTheCatchUpOnlyResubscribes() throws Exception {
        List<EventPosition> backlog = append(CHECKOUT, WatchEvents.CATCH_UP_PAGE * 2 + 7);
        try (EventStream stream = watch.open(CHECKOUT_VIEWER, after(EventPosition.ORIGIN))) {
            List<EventPosition> sent = new ArrayList<>(positions(stream.next(NO_WAIT)));
            assertThat(sent).hasSize(WatchEvents.CATCH_UP_PAGE);
            relay(); // far more than the subscriber's buffer of 5 takes: it lags
            List<EventPosition> duringCatchUp = append(CHECKOUT, 3);

            while (sent.size() < backlog.size() + duringCatchUp.size()) {
                List<Event> page = stream.next(NO_WAIT);
                assertThat(page).as("the catch-up ended early").isNotEmpty();
                sent.addAll(positions(page));
            }
            assertThat(stream.ended()).isFalse();
            relay();
            List<EventPosition> live = append(CHECKOUT, 1);
            relay();
            sent.addAll(positions(stream.next(NO_WAIT)));

            List<EventPosition> expected = new ArrayList<>(backlog);
            expected.addAll(duringCatchUp);
            expected.addAll(live);
            assertThat(sent).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aLiveSubscriberThatFallsBehindEndsTheStream() throws Exception {
        try (EventStream stream = watch.open(CHECKOUT_VIEWER, query(Optional.empty()))) {
            assertThat(stream.next(NO_WAIT)).isEmpty();

            append(CHECKOUT, hub.bufferCapacity() + 1);
            relay();

            assertThat(stream.ended()).isTrue();
            assertThat(stream.state()).isEqualTo(Subscription.State.LAGGED);
            assertThat(stream.next(Duration.ofSeconds(5))).isEmpty();
            assertThat(hub.subscriberCount()).isZero();
        }
    }

    @Test
    void aTeamNeverSeesAnotherTeamsEventsWhileAPlatformAdminSeesAll() throws Exception {
        List<EventPosition> mine = append(CHECKOUT, 1);
        List<EventPosition> theirs = append(PAYMENTS, 1);
        var admin = new Principal(UUID.randomUUID(), null, Role.PLATFORM_ADMIN);
        try (EventStream team = watch.open(CHECKOUT_VIEWER, after(EventPosition.ORIGIN));
                EventStream everyone = watch.open(admin, after(EventPosition.ORIGIN))) {
            assertThat(positions(team.next(NO_WAIT))).containsExactlyElementsOf(mine);
            assertThat(positions(everyone.next(NO_WAIT))).containsExactly(mine.getFirst(), theirs.getFirst());

            List<EventPosition> liveTheirs = append(PAYMENTS, 1);
            relay();

            assertThat(team.next(Duration.ofMillis(10))).isEmpty();
            assertThat(positions(everyone.next(NO_WAIT))).containsExactlyElementsOf(liveTheirs);
        }
    }

    @Test
    void closingTheStreamUnsubscribes() {
        EventStream stream = watch.open(CHECKOUT_VIEWER, query(Optional.empty()));
        assertThat(hub.subscriberCount()).isEqualTo(1);

        stream.close();

        assertThat(hub.subscriberCount()).isZero();
    }

    /** What the relay does on a notification: hands on everything published since its last read. */
    private void relay() {
        List<Event> batch = log.publishedAfter(relayed, EventFilter.ALL, Integer.MAX_VALUE);
        if (!batch.isEmpty()) {
            hub.publish(batch);
            relayed = batch.getLast().position();
        }
    }

    private List<EventPosition> append(TeamSlug team, int count) {
        List<EventPosition> positions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            positions.add(log.append(
                    new NewEvent(Instant.now(), EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of())));
        }
        return positions;
    }

    private static EventQuery after(EventPosition position) {
        return query(Optional.of(position));
    }

    private static EventQuery query(Optional<EventPosition> after) {
        return new EventQuery(Set.of(), Optional.empty(), after, EventQuery.DEFAULT_LIMIT);
    }

    private static List<EventPosition> positions(List<Event> events) {
        return events.stream().map(Event::position).toList();
    }
}
