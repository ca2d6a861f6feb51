package dev.daap.adapters.postgres.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.event.CommittedDatabase.OpenTransaction;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFanOut;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The relay hands on every published event once, in order: on a notification, on a poll when an open
 * transaction held events back, and after its connection was killed, when the notifications sent meanwhile are lost.
 */
class EventRelayTest {
    private static final Duration POLL = Duration.ofMillis(100);
    private final CommittedDatabase database = new CommittedDatabase("event_relay");
    private final JooqTransactions transactions = new JooqTransactions(database.dsl);
    private final String channel = JooqEventLog.channelFor("daap");
    private final JooqEventLog log = new JooqEventLog(transactions, channel);
    private final RecordingFanOut fanOut = new RecordingFanOut();
    private final TeamSlug team = new TeamSlug("relay");

    @Test
    void handsOnWhatIsAppendedAfterItStartedButNothingBefore() {
        EventPosition before = append();
        await().atMost(Duration.ofSeconds(30)).until(() -> log.head().compareTo(before) >= 0);
        fanOut.subscribed = true; // tests on the same server may hold events back for a moment: let it poll
        try (var relay = new EventRelay(database.dataSource, log, channel, fanOut, POLL)) {
            relay.start();
            List<EventPosition> after = List.of(append(), append(), append());

            awaitRelayed(after.getLast());
            assertThat(fanOut.positions()).containsExactlyElementsOf(after);
        }
    }

    @Test
    void aPollReleasesEventsThatAnOpenTransactionHeldBackWithoutANewNotification() throws Exception {
        try (var relay = new EventRelay(database.dataSource, log, channel, fanOut, POLL)) {
            relay.start();
            EventPosition heldBack;
            try (OpenTransaction open = database.begin()) {
                open.takeTransactionId(); // it appends nothing, so its end notifies no one
                long readsBefore = relay.reads();
                heldBack = append();
                await().atMost(Duration.ofSeconds(30)).until(() -> relay.reads() > readsBefore); // its notification
                assertThat(fanOut.positions()).doesNotContain(heldBack);
            }
            fanOut.subscribed = true; // without subscribers the relay does not poll

            awaitRelayed(heldBack);
            assertThat(fanOut.positions()).containsExactly(heldBack);
        }
    }

    @Test
    void afterItsConnectionWasKilledItReconnectsAndReadsWhatItMissed() {
        try (var relay = new EventRelay(database.dataSource, log, channel, fanOut, POLL)) {
            relay.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.reads() > 0); // listening, caught up

            // Nothing is appended and nothing polls (no subscribers): only the reconnect makes it read.
            long readsBefore = relay.reads();
            killListener();
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.reads() > readsBefore);

            // The kill waits until the backend is gone, and the events commit before the relay can listen again
            // (its first retry comes after 250 ms): their notifications reach no one.
            List<EventPosition> missed = transactions.inTransaction(() -> {
                List<EventPosition> appended = List.of(log.append(event()), log.append(event()));
                killListener();
                return appended;
            });
            fanOut.subscribed = true; // tests on the same server may hold events back for a moment: let it poll

            awaitRelayed(missed.getLast());
            assertThat(fanOut.positions()).containsExactlyElementsOf(missed);
        }
    }

    private void killListener() {
        database.dsl.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND query LIKE 'LISTEN%'");
    }

    private void awaitRelayed(EventPosition position) {
        await().atMost(Duration.ofSeconds(30)).until(() -> fanOut.positions().contains(position));
    }

    private EventPosition append() {
        Supplier<EventPosition> work = () -> log.append(event());
        return transactions.inTransaction(work);
    }

    private NewEvent event() {
        return new NewEvent(Instant.now(), EventType.DATABASE_CREATED, team, UUID.randomUUID(), Map.of());
    }

    /** A fan-out that keeps what it is handed, and says it has subscribers only when a test says so. */
    private static final class RecordingFanOut implements EventFanOut {
        private final List<Event> published = new CopyOnWriteArrayList<>();
        volatile boolean subscribed;

        @Override
        public void publish(List<Event> events) {
            published.addAll(events);
        }

        @Override
        public boolean hasSubscribers() {
            return subscribed;
        }

        List<EventPosition> positions() {
            return published.stream().map(Event::position).toList();
        }
    }
}
