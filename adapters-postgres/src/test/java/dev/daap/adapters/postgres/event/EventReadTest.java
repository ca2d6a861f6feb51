package dev.daap.adapters.postgres.event;

import static dev.daap.adapters.postgres.generated.Tables.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.ResultQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read of the event log is a hot statement: SQL rendered for the first read of each shape of filter and run with
 * every later read's values. For every shape, two reads that differ in every value (position, team, types, resource,
 * limit) must return exactly what jOOQ's own execution of the same read returns, and some events at that. The rows
 * carry a small explicit transaction id, so they count as published inside the test's own open transaction.
 */
class EventReadTest {
    private static final long OLD_XID = 3;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final TeamSlug[] teams = {new TeamSlug("read-" + run + "-0"), new TeamSlug("read-" + run + "-1")};

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Test
    void everyShapeReadsWhatJooqsOwnExecutionReadsWithEachReadsOwnValues() {
        DSLContext dsl = transaction.dsl();
        EventPosition firstEvent = appendEvents(dsl);
        var log = new JooqEventLog(() -> dsl, JooqEventLog.channelFor("daap"));
        EventPosition[] after = {new EventPosition(1, 2), firstEvent};
        int[] limits = {200, 7};
        int shapes = 0;
        for (int present = 0; present < 4; present++) {
            for (int types = 0; types <= EventType.values().length; types++) {
                for (int variant = 0; variant < 2; variant++) {
                    EventFilter filter = filter(present, types, variant);
                    var read = new JooqEventLog.Read(after[variant], filter, limits[variant]);
                    List<Event> jooqs = ((ResultQuery<?>) log.reads.query(dsl, read))
                            .fetch()
                            .map(EventRecordMapper::toDomain);

                    List<Event> hot = log.publishedAfter(after[variant], filter, limits[variant]);

                    if (couldMatch(filter)) {
                        assertThat(jooqs).as("jOOQ's read of %s", read).isNotEmpty();
                    }
                    assertThat(hot).as("the read of %s", read).isEqualTo(jooqs);
                }
                shapes++;
            }
        }
        assertThat(shapes).isEqualTo(4 * (EventType.values().length + 1));
    }

    /** A team's read of only the fleet's types finds nothing: those events have no team. */
    private static boolean couldMatch(EventFilter filter) {
        return filter.team().isEmpty()
                || filter.types().isEmpty()
                || filter.types().stream().anyMatch(EventType::hasTeam);
    }

    /** One event of each team (none for the fleet's types), type and resource; returns the position of the first. */
    private EventPosition appendEvents(DSLContext dsl) {
        EventPosition first = null;
        for (TeamSlug team : teams) {
            for (EventType type : EventType.values()) {
                for (int resource = 0; resource < 2; resource++) {
                    var row = dsl.insertInto(EVENTS)
                            .set(new EventsRecord()
                                    .setXid(OLD_XID)
                                    .setOccurredAt(Instant.parse("2026-11-26T10:00:00Z"))
                                    .setType(type.wireName())
                                    .setTeam(type.hasTeam() ? team.value() : null) // the fleet's: no team
                                    .setResourceId(new UUID(resource, 5))
                                    .setPayload(JSONB.valueOf("{}")))
                            .returningResult(EVENTS.XID, EVENTS.SEQ)
                            .fetchSingle();
                    if (first == null) {
                        first = new EventPosition(row.value1(), row.value2());
                    }
                }
            }
        }
        return first;
    }

    /** A filter of the given shape; variants differ in every value, types included (the last ones, not the first). */
    private EventFilter filter(int present, int types, int variant) {
        EventType[] all = EventType.values();
        Set<EventType> chosen = new HashSet<>(
                variant == 0
                        ? Arrays.asList(all).subList(0, types)
                        : Arrays.asList(all).subList(all.length - types, all.length));
        return new EventFilter(
                (present & 1) != 0 ? Optional.of(teams[variant]) : Optional.empty(),
                chosen,
                (present & 2) != 0 ? Optional.of(new UUID(variant, 5)) : Optional.empty());
    }
}
