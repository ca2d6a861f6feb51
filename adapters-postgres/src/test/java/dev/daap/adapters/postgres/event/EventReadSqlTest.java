package dev.daap.adapters.postgres.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A read of the event log runs SQL rendered once per shape of filter with values bound by hand, so for every shape
 * two reads must render one text and the hand-made values must be jOOQ's, in jOOQ's order. What the reads return
 * on PostgreSQL is JooqEventLogContractTest's; this pins the cache to jOOQ's rendering.
 */
class EventReadSqlTest {

    @ParameterizedTest
    @ValueSource(strings = {JooqFactory.GENERATED_SCHEMA, "tenant_b"})
    void everyShapeRendersOneTextAndBindsJooqsValuesInJooqsOrder(String schema) {
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES, JooqFactory.settings(schema));
        var log = new JooqEventLog(() -> dsl, JooqEventLog.channelFor(schema));
        var cache = new EventReadSql(filter -> dsl.render(log.select(EventPosition.ORIGIN, filter, 1)));
        int shapes = 0;
        for (int present = 0; present < 4; present++) {
            for (int types = 0; types <= EventType.values().length; types++) {
                EventFilter first = filter(present, types, 0);
                EventFilter second = filter(present, types, 1);
                var firstRead = log.select(new EventPosition(1, 2), first, 200);
                var secondRead = log.select(new EventPosition(3_000_000_000L, 4), second, 7);
                assertThat(cache.sql(first)).as("rendered for %s", first).isEqualTo(dsl.render(firstRead));
                assertThat(cache.sql(second)).as("reused for %s", second).isEqualTo(dsl.render(secondRead));
                assertThat(cache.sql(second)).contains("from \"" + schema + "\".\"events\"");
                assertThat(EventReadSql.binds(new EventPosition(1, 2), first, 200))
                        .as("values of %s", first)
                        .containsExactlyElementsOf(dsl.extractBindValues(firstRead));
                assertThat(EventReadSql.binds(new EventPosition(3_000_000_000L, 4), second, 7))
                        .as("values of %s", second)
                        .containsExactlyElementsOf(dsl.extractBindValues(secondRead));
                shapes++;
            }
        }
        assertThat(shapes).isEqualTo(4 * (EventType.values().length + 1));
    }

    /** A filter of the given shape; variants differ in every value, types included (the last ones, not the first). */
    private static EventFilter filter(int present, int types, int variant) {
        EventType[] all = EventType.values();
        Set<EventType> chosen = new HashSet<>(
                variant == 0
                        ? Arrays.asList(all).subList(0, types)
                        : Arrays.asList(all).subList(all.length - types, all.length));
        return new EventFilter(
                (present & 1) != 0 ? Optional.of(new TeamSlug("team-" + variant)) : Optional.empty(),
                chosen,
                (present & 2) != 0 ? Optional.of(new UUID(variant, 5)) : Optional.empty());
    }
}
