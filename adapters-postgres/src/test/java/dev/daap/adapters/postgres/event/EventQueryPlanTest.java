package dev.daap.adapters.postgres.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every read of a stream starts at its position in an index instead of scanning the log: 50,000 events of 100
 * teams, committed and analyzed in a database of this class's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class EventQueryPlanTest {
    private static final EventPosition MIDDLE = new EventPosition(250, 25_000);
    private CommittedDatabase database;
    private JooqEventLog log;

    @BeforeAll
    void load() {
        database = new CommittedDatabase("event_plans");
        // Many transactions' worth of xids, ten events each, as a busy instance would write them.
        database.dsl.execute("""
                INSERT INTO daap.events (xid, occurred_at, type, team, resource_id, payload)
                SELECT n / 10, timestamp '2026-01-01' + n * interval '1 second', 'database.created',
                       'plan-team-' || (n % 100), gen_random_uuid(), '{}'::jsonb
                FROM generate_series(1, 50000) AS n""");
        database.dsl.execute("VACUUM ANALYZE daap.events");
        log = new JooqEventLog(() -> database.dsl, JooqEventLog.channelFor("daap"));
    }

    @Test
    void aTeamsStreamReadsTheTeamIndexFromItsPosition() {
        String plan = plan(new EventFilter(Optional.of(new TeamSlug("plan-team-7")), Set.of(), Optional.empty()));

        assertThat(plan).contains("events_team_position_idx").doesNotContain("Seq Scan");
    }

    @Test
    void aResourcesStreamReadsTheResourceIndex() {
        String plan = plan(new EventFilter(
                Optional.of(new TeamSlug("plan-team-7")),
                Set.of(EventType.DATABASE_CREATED),
                Optional.of(UUID.randomUUID())));

        assertThat(plan).contains("events_resource_position_idx").doesNotContain("Seq Scan");
    }

    @Test
    void theRelayReadsThePrimaryKeyFromItsPosition() {
        assertThat(plan(EventFilter.ALL))
                .contains("events_pkey")
                .doesNotContain("Seq Scan")
                .doesNotContain("Sort");
    }

    private String plan(EventFilter filter) {
        return database.dsl
                .explain(log.reads.query(database.dsl, new JooqEventLog.Read(MIDDLE, filter, 200)))
                .plan();
    }
}
