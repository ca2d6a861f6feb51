package dev.daap.adapters.postgres;

import static dev.daap.adapters.postgres.generated.Tables.AUDIT_EVENTS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.EVENTS;
import static dev.daap.adapters.postgres.generated.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.generated.tables.records.AuditEventsRecord;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.adapters.postgres.generated.tables.records.JobsRecord;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The create's inserts run SQL rendered once and values bound by hand, so for the records the adapters write (with
 * values and with nulls) the text must be jOOQ's for the same insert and the values jOOQ's, in jOOQ's order; and
 * on PostgreSQL every column must come back as it went in.
 */
class RenderedInsertTest {
    private static final TeamSlug TEAM = new TeamSlug("rendered-insert");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123456Z");

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @ParameterizedTest
    @ValueSource(strings = {JooqFactory.GENERATED_SCHEMA, "tenant_b"})
    void rendersJooqsInsertOncePerSetOfColumnsAndBindsJooqsValues(String schema) {
        DSLContext dsl = DSL.using(SQLDialect.POSTGRES, JooqFactory.settings(schema));
        assertRendersAsJooq(dsl, DATABASES, aDatabase(1, true), aDatabase(2, false));
        assertRendersAsJooq(dsl, JOBS, aJob(1, true), aJob(2, false));
        assertRendersAsJooq(dsl, AUDIT_EVENTS, anAuditEvent(1, true), anAuditEvent(2, false));
        assertRendersAsJooq(dsl, EVENTS, anEvent(1), anEvent(2), EVENTS.XID, EVENTS.SEQ);
        assertThat(new RenderedInsert<>(() -> dsl, DATABASES).sql(aDatabase(1, true)))
                .contains("insert into \"" + schema + "\".\"databases\"");
    }

    @Test
    void storesEveryColumnAsJooqWouldAndReturnsWhatTheDatabaseAssigned() {
        DSLContext dsl = transaction.dsl();
        MigratedDatabase.teamsExist(dsl, TEAM);
        for (DatabasesRecord database : new DatabasesRecord[] {aDatabase(1, true), aDatabase(2, false)}) {
            new RenderedInsert<>(() -> dsl, DATABASES).execute(database);
            DatabasesRecord stored = dsl.fetchSingle(DATABASES, DATABASES.ID.eq(database.getId()));
            assertThat(stored.intoMap()).isEqualTo(database.intoMap());
        }

        EventsRecord event = anEvent(1);
        Record position = new RenderedInsert<>(() -> dsl, EVENTS, EVENTS.XID, EVENTS.SEQ).executeReturning(event);
        EventsRecord stored = dsl.fetchSingle(EVENTS, EVENTS.SEQ.eq(position.get(EVENTS.SEQ)));
        assertThat(stored.getXid()).isEqualTo(position.get(EVENTS.XID)).isPositive();
        assertThat(stored.getPayload()).isEqualTo(event.getPayload());
        assertThat(stored.getOccurredAt()).isEqualTo(event.getOccurredAt());
    }

    @Test
    void aRefusedRowFailsAsJooqsOwnInsertWouldNamingItsConstraint() {
        DSLContext dsl = transaction.dsl();
        DatabasesRecord orphan = aDatabase(3, true).setOwnerTeam("no-such-team");

        assertThatThrownBy(() -> new RenderedInsert<>(() -> dsl, DATABASES).execute(orphan))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(StoreErrors.violates(e, "databases_owner_team_fkey"))
                                .isTrue());
    }

    @SafeVarargs
    private static <R extends TableRecord<R>> void assertRendersAsJooq(
            DSLContext dsl, Table<R> table, R first, R second, Field<?>... returning) {
        var cached = new RenderedInsert<>(() -> dsl, table, returning);
        for (R record : java.util.List.of(first, second)) {
            var insert = dsl.insertInto(table).set(record);
            var jooqs = returning.length == 0 ? insert : insert.returningResult(returning);
            assertThat(cached.sql(record)).as("%s", record).isEqualTo(dsl.render(jooqs));
            assertThat(RenderedInsert.values(record))
                    .as("%s", record)
                    .containsExactlyElementsOf(dsl.extractBindValues(jooqs));
        }
    }

    private static DatabasesRecord aDatabase(int variant, boolean full) {
        return new DatabasesRecord()
                .setId(new UUID(variant, 7))
                .setName("rendered-" + variant)
                .setOwnerTeam(TEAM.value())
                .setPurpose("Rendered " + variant)
                .setStatus(full ? "ready" : "provisioning")
                .setHost(full ? "db.example" : null)
                .setPort(full ? 5432 : null)
                .setDatabaseName(full ? "rendered_" + variant : null)
                .setUsername(full ? "rendered_owner" : null)
                .setLabels(JSONB.valueOf(full ? "{\"env\": \"prod\", \"tier\": \"1\"}" : "{}"))
                .setCreatedAt(AT)
                .setUpdatedAt(AT.plusSeconds(variant))
                .setDeletedAt(null)
                .setVersion((long) variant)
                .setLatestOperationId(full ? new UUID(variant, 8) : null)
                .setFailureReason(full ? null : "not yet");
    }

    private static JobsRecord aJob(int variant, boolean full) {
        return new JobsRecord()
                .setId(new UUID(variant, 9))
                .setKind("provision")
                .setDatabaseId(new UUID(variant, 7))
                .setState(full ? "running" : "scheduled")
                .setAttempts(variant)
                .setMaxAttempts(5)
                .setRunAt(AT)
                .setLeaseOwner(full ? "worker-1" : null)
                .setLeaseExpiresAt(full ? AT.plusSeconds(30) : null)
                .setLastError(null)
                .setCreatedAt(AT)
                .setUpdatedAt(AT)
                .setStartedAt(full ? AT : null)
                .setFinishedAt(null);
    }

    private static AuditEventsRecord anAuditEvent(int variant, boolean full) {
        return new AuditEventsRecord()
                .setId(new UUID(variant, 10))
                .setOccurredAt(AT)
                .setActorKeyId(full ? new UUID(variant, 11) : null)
                .setActorTeam(full ? TEAM.value() : null)
                .setAction("database.created")
                .setResourceType("database")
                .setResourceId("rendered-" + variant)
                .setTeam(TEAM.value())
                .setRequestId("req-" + variant)
                .setClientAddress(full ? "127.0.0.1" : null)
                .setBefore(full ? JSONB.valueOf("{\"status\": \"provisioning\"}") : null)
                .setAfter(JSONB.valueOf("{\"status\": \"ready\"}"));
    }

    private static EventsRecord anEvent(int variant) {
        return new EventsRecord()
                .setOccurredAt(AT)
                .setType("database.status_changed")
                .setTeam(TEAM.value())
                .setResourceId(new UUID(variant, 12))
                .setPayload(JSONB.valueOf("{\"status\": \"ready\", \"n\": " + variant + "}"));
    }
}
