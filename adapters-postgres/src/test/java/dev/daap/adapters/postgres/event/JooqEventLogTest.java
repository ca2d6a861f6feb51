package dev.daap.adapters.postgres.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.adapters.postgres.JooqTransactions;
import dev.daap.adapters.postgres.ReceivedNotifications;
import dev.daap.adapters.postgres.event.CommittedDatabase.OpenTransaction;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What only a real PostgreSQL can show: positions in commit order when transactions overlap, held-back events, and
 * the NOTIFY sent at commit.
 */
class JooqEventLogTest {
    private static final CommittedDatabase DATABASE = new CommittedDatabase("event_log");
    private static final String CHANNEL = JooqEventLog.channelFor("daap");
    private final JooqEventLog reader = new JooqEventLog(new JooqTransactions(DATABASE.dsl), CHANNEL);
    private final TeamSlug team =
            new TeamSlug("t-" + UUID.randomUUID().toString().substring(0, 12));
    private final EventFilter ofTeam = new EventFilter(Optional.of(team), Set.of(), Optional.empty());

    @Test
    void anEarlierNumberThatCommitsLastIsStillSeenByAClientThatResumedInBetween() throws Exception {
        EventPosition resumedFrom = reader.head();
        try (OpenTransaction slow = DATABASE.begin();
                OpenTransaction fast = DATABASE.begin()) {
            EventPosition tenth = log(slow).append(event("slow")); // takes the lower sequence number...
            EventPosition eleventh = log(fast).append(event("fast"));
            fast.commit(); // ...but commits last

            assertThat(tenth.seq()).isLessThan(eleventh.seq());
            // A client polling now must not be handed the eleventh: it would resume after it and lose the tenth.
            List<Event> inBetween = reader.publishedAfter(resumedFrom, ofTeam, 10);
            assertThat(inBetween).isEmpty();
            EventPosition resumedAgain =
                    inBetween.isEmpty() ? resumedFrom : inBetween.getLast().position();

            slow.commit();

            assertThat(awaitEvents(resumedAgain, 2)).extracting(Event::position).containsExactly(tenth, eleventh);
        }
    }

    @Test
    void anOlderTransactionWithALaterSequenceNumberComesFirst() throws Exception {
        EventPosition resumedFrom = reader.head();
        try (OpenTransaction older = DATABASE.begin();
                OpenTransaction newer = DATABASE.begin()) {
            older.takeTransactionId();
            newer.takeTransactionId();
            EventPosition fromNewer = log(newer).append(event("newer"));
            newer.commit();
            assertThat(reader.publishedAfter(resumedFrom, ofTeam, 10))
                    .as("held back by the older one")
                    .isEmpty();

            EventPosition fromOlder = log(older).append(event("older"));
            older.commit();

            assertThat(fromOlder.seq()).isGreaterThan(fromNewer.seq());
            assertThat(awaitEvents(resumedFrom, 2)).extracting(Event::position).containsExactly(fromOlder, fromNewer);
        }
    }

    @Test
    void theHeadStopsBeforeEventsHeldBackByAnOpenTransaction() throws Exception {
        EventPosition committed;
        try (OpenTransaction open = DATABASE.begin()) {
            open.takeTransactionId();
            committed = new JooqTransactions(DATABASE.dsl).inTransaction(() -> reader.append(event("held back")));

            assertThat(reader.head()).isLessThan(committed);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> reader.head().compareTo(committed) >= 0);
    }

    @Test
    void theNotificationCarriesThePositionAndIsSentOnlyOnCommit() throws Exception {
        try (Connection listener = DATABASE.dataSource.getConnection();
                Statement statement = listener.createStatement()) {
            statement.execute("LISTEN \"" + CHANNEL + "\"");
            EventPosition rolledBack;
            try (OpenTransaction abandoned = DATABASE.begin()) {
                rolledBack = log(abandoned).append(event("rolled back"));
            }
            EventPosition committed =
                    new JooqTransactions(DATABASE.dsl).inTransaction(() -> reader.append(event("kept")));

            // Other tests of this class append on the same channel; wait for ours among theirs.
            List<String> payloads =
                    ReceivedNotifications.until(listener, received -> received.contains(committed.encode()));
            assertThat(payloads).doesNotContain(rolledBack.encode());
        }
    }

    private List<Event> awaitEvents(EventPosition after, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> reader.publishedAfter(after, ofTeam, 10), events -> events.size() >= count);
    }

    private static JooqEventLog log(OpenTransaction transaction) {
        return new JooqEventLog(transaction::dsl, CHANNEL);
    }

    private NewEvent event(String name) {
        return new NewEvent(Instant.now(), EventType.DATABASE_UPDATED, team, UUID.randomUUID(), Map.of("name", name));
    }
}
