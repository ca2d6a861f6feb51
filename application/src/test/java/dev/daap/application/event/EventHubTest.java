package dev.daap.application.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Fan-out to bounded buffers: a subscriber that falls behind is dropped, and costs the others nothing. */
class EventHubTest {
    private static final TeamSlug CHECKOUT = new TeamSlug("checkout");
    private static final TeamSlug PAYMENTS = new TeamSlug("payments");
    private final EventHub hub = new EventHub(3);
    private long next = 1;

    @Test
    void eachSubscriberGetsTheMatchingEventsInOrder() throws Exception {
        Subscription checkout = hub.subscribe(ofTeam(CHECKOUT));
        Subscription everything = hub.subscribe(EventFilter.ALL);
        List<Event> events = List.of(event(CHECKOUT), event(PAYMENTS), event(CHECKOUT));

        hub.publish(events);

        assertThat(checkout.poll(Duration.ZERO)).containsExactly(events.get(0), events.get(2));
        assertThat(everything.poll(Duration.ZERO)).containsExactlyElementsOf(events);
        assertThat(everything.poll(Duration.ZERO)).isEmpty();
    }

    @Test
    void aSubscriberThatCannotTakeTheNextEventsIsDroppedAndItsBufferFreed() throws Exception {
        Subscription slow = hub.subscribe(EventFilter.ALL);
        Subscription fast = hub.subscribe(EventFilter.ALL);
        Subscription otherTeam = hub.subscribe(ofTeam(PAYMENTS));

        List<Event> received = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hub.publish(List.of(event(CHECKOUT)));
            received.addAll(fast.poll(Duration.ZERO));
            assertThat(hub.largestBuffer()).isLessThanOrEqualTo(hub.bufferCapacity());
        }

        assertThat(slow.state()).isEqualTo(Subscription.State.LAGGED);
        assertThat(slow.buffered()).isZero();
        assertThat(slow.poll(Duration.ofSeconds(5))).isEmpty(); // returns at once: it has ended
        assertThat(received).hasSize(10);
        assertThat(fast.state()).isEqualTo(Subscription.State.OPEN);
        assertThat(otherTeam.state()).as("none of its events were published").isEqualTo(Subscription.State.OPEN);
        assertThat(hub.subscriberCount()).isEqualTo(2);
    }

    @Test
    void aBatchIsTakenWholeOrNotAtAll() throws Exception {
        Subscription subscription = hub.subscribe(EventFilter.ALL);
        hub.publish(List.of(event(CHECKOUT), event(CHECKOUT)));

        hub.publish(List.of(event(CHECKOUT), event(CHECKOUT)));

        assertThat(subscription.state()).isEqualTo(Subscription.State.LAGGED);
        assertThat(subscription.poll(Duration.ZERO)).isEmpty();
    }

    @Test
    void aWaitingReaderWakesOnPublishAndOnClose() throws Exception {
        Subscription subscription = hub.subscribe(EventFilter.ALL);
        var reader = Executors.newVirtualThreadPerTaskExecutor();
        try {
            CompletableFuture<List<Event>> waiting = CompletableFuture.supplyAsync(() -> poll(subscription), reader);
            Event event = event(CHECKOUT);
            hub.publish(List.of(event));
            assertThat(waiting.get(10, TimeUnit.SECONDS)).containsExactly(event);

            CompletableFuture<List<Event>> ended = CompletableFuture.supplyAsync(() -> poll(subscription), reader);
            hub.close();
            assertThat(ended.get(10, TimeUnit.SECONDS)).isEmpty();
            assertThat(subscription.state()).isEqualTo(Subscription.State.CLOSED);
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void closingASubscriptionRemovesItAndAClosedHubTakesNoOne() {
        Subscription subscription = hub.subscribe(EventFilter.ALL);
        assertThat(hub.hasSubscribers()).isTrue();

        subscription.close();
        subscription.close();

        assertThat(hub.hasSubscribers()).isFalse();
        hub.close();
        assertThat(hub.subscribe(EventFilter.ALL).state()).isEqualTo(Subscription.State.CLOSED);
        assertThat(hub.subscriberCount()).isZero();
    }

    @Test
    void thePollWaitsNoLongerThanAskedWhenNothingComes() throws Exception {
        Subscription subscription = hub.subscribe(EventFilter.ALL);
        long start = System.nanoTime();

        assertThat(subscription.poll(Duration.ofMillis(50))).isEmpty();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(50), Duration.ofSeconds(5));
        assertThat(subscription.state()).isEqualTo(Subscription.State.OPEN);
    }

    private static List<Event> poll(Subscription subscription) {
        try {
            return subscription.poll(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Event event(TeamSlug team) {
        long position = next++;
        return new NewEvent(Instant.now(), EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of())
                .at(new EventPosition(position, position));
    }

    private static EventFilter ofTeam(TeamSlug team) {
        return new EventFilter(Optional.of(team), Set.of(), Optional.empty());
    }
}
