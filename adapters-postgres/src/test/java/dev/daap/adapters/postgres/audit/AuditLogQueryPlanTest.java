package dev.daap.adapters.postgres.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.team.TeamSlug;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every filter of the audit list is served by its index, in id order, so a page reads about a page of rows and
 * sorts nothing: 60,000 entries over 100 teams, committed and analysed in a database of this class's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.SAME_THREAD)
class AuditLogQueryPlanTest {
    private DSLContext dsl;
    private JooqAuditLog log;

    @BeforeAll
    void load() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("audit_plans");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        dsl.execute("""
                INSERT INTO daap.audit_events (id, occurred_at, actor_key_id, actor_team, action, resource_type,
                                               resource_id, team, request_id, client_address, after)
                SELECT gen_random_uuid(), timestamp '2026-01-01' + n * interval '1 second',
                       md5('actor' || (n % 500))::uuid, 'plan-team-' || (n % 100),
                       (ARRAY['database.create', 'database.update', 'database.delete', 'credentials.rotate',
                              'api_key.create', 'api_key.revoke'])[1 + n % 6],
                       CASE WHEN n % 6 >= 4 THEN 'api_key' ELSE 'database' END, 'res-' || (n % 20000),
                       'plan-team-' || (n % 100), 'req-' || n, '10.0.0.1', '{"status": "ready"}'
                FROM generate_series(1, 60000) AS n""");
        dsl.execute("VACUUM ANALYZE daap.audit_events");
        log = new JooqAuditLog(() -> dsl);
    }

    @Test
    void aTeamsPageUsesTheTeamIndex() {
        assertServedBy(AuditQuery.all(50).withTeam(new TeamSlug("plan-team-7")), "audit_events_team_idx");
    }

    @Test
    void aDeepTeamPageStartsAtItsKeyset() {
        assertServedBy(
                AuditQuery.all(50)
                        .withTeam(new TeamSlug("plan-team-7"))
                        .withBefore(UUID.fromString("80000000-0000-4000-8000-000000000000")),
                "audit_events_team_idx");
    }

    @Test
    void aResourcesHistoryUsesTheResourceIndex() {
        assertServedBy(
                new AuditQuery(null, Optional.of("database"), Optional.of("res-42"), null, null, null, null, 50, null),
                "audit_events_resource_idx");
    }

    @Test
    void anActorsEntriesUseTheActorIndex() {
        UUID actor = dsl.fetchValue(DSL.field("md5({0})::uuid", SQLDataType.UUID, DSL.val("actor7")));
        assertServedBy(
                new AuditQuery(null, null, null, Optional.of(actor), null, null, null, 50, null),
                "audit_events_actor_idx");
    }

    @Test
    void anActionsEntriesUseTheActionIndexAndCombineWithTheTeam() {
        assertServedBy(
                new AuditQuery(null, null, null, null, Optional.of("api_key.revoke"), null, null, 50, null),
                "audit_events_action_idx");
        assertThat(plan(new AuditQuery(
                        Optional.of(new TeamSlug("plan-team-7")),
                        null,
                        null,
                        null,
                        Optional.of("api_key.revoke"),
                        null,
                        null,
                        50,
                        null)))
                .doesNotContain("Seq Scan");
    }

    private void assertServedBy(AuditQuery query, String index) {
        assertThat(plan(query)).contains(index).doesNotContain("Seq Scan").doesNotContain("Sort");
    }

    private String plan(AuditQuery query) {
        return dsl.explain(log.select(query)).plan();
    }
}
