package dev.daap.adapters.postgres.sql;

import static dev.daap.adapters.postgres.generated.Tables.AUDIT_EVENTS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.EVENTS;
import static dev.daap.adapters.postgres.generated.Tables.JOBS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.adapters.postgres.RolledBackTransaction;
import dev.daap.adapters.postgres.StoreErrors;
import dev.daap.adapters.postgres.generated.tables.records.AuditEventsRecord;
import dev.daap.adapters.postgres.generated.tables.records.DatabasesRecord;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.adapters.postgres.generated.tables.records.JobsRecord;
import dev.daap.domain.team.TeamSlug;
import dev.daap.migrations.Migrator;
import dev.daap.testing.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hot statement runs SQL that jOOQ rendered for the first source of its shape with every later call's own values,
 * so each test here runs it beside jOOQ's own execution of the same definition, on PostgreSQL: the rows they store
 * or read must be the same, whatever the values, nulls and types of DAAP's tables.
 */
class HotStatementTest {
    private static final TeamSlug TEAM = new TeamSlug("hot-statement");
    private static final Instant AT = Instant.parse("2026-11-26T10:00:00.123456Z");

    @RegisterExtension
    final RolledBackTransaction transaction = new RolledBackTransaction();

    @Test
    void anInsertStoresEveryColumnAsJooqsOwnExecutionOfItStores() {
        DSLContext dsl = transaction.dsl();
        MigratedDatabase.teamsExist(dsl, TEAM);
        // Full and sparse records of one table have different shapes; each shape is used twice.
        assertStoredAsJooqStores(dsl, DATABASES, DATABASES.ID, variant -> aDatabase(variant, variant % 2 == 0));
        assertStoredAsJooqStores(dsl, JOBS, JOBS.ID, variant -> aJob(variant, variant % 2 == 0));
        assertStoredAsJooqStores(
                dsl, AUDIT_EVENTS, AUDIT_EVENTS.ID, variant -> anAuditEvent(variant, variant % 2 == 0));
    }

    @Test
    void anInsertReturnsWhatTheDatabaseAssigned() {
        DSLContext dsl = transaction.dsl();
        HotStatement<EventsRecord> insert = HotStatement.insert(EVENTS, EVENTS.XID, EVENTS.SEQ);

        Record first =
                insert.fetch(() -> dsl, anEvent(1), EVENTS.XID, EVENTS.SEQ).getFirst();
        Record second =
                insert.fetch(() -> dsl, anEvent(2), EVENTS.XID, EVENTS.SEQ).getFirst();

        EventsRecord stored = dsl.fetchSingle(EVENTS, EVENTS.SEQ.eq(second.get(EVENTS.SEQ)));
        assertThat(stored.getXid()).isEqualTo(second.get(EVENTS.XID)).isPositive();
        assertThat(stored.getPayload()).isEqualTo(anEvent(2).getPayload());
        assertThat(stored.getOccurredAt()).isEqualTo(AT);
        assertThat(second.get(EVENTS.SEQ)).isGreaterThan(first.get(EVENTS.SEQ));
    }

    @Test
    void everyCallOfAShapeReadsWithItsOwnValues() {
        DSLContext dsl = transaction.dsl();
        MigratedDatabase.teamsExist(dsl, TEAM);
        HotStatement<DatabasesRecord> insert = HotStatement.insert(DATABASES);
        List<DatabasesRecord> stored = List.of(aDatabase(1, true), aDatabase(2, false), aDatabase(3, true));
        stored.forEach(database -> insert.execute(() -> dsl, database));
        HotStatement<DatabasesRecord> byNameAndPort =
                HotStatement.of((context, database, binds) -> context.selectFrom(DATABASES)
                        .where(DATABASES.NAME.eq(binds.value(DATABASES.NAME, DatabasesRecord::getName)))
                        .and(DATABASES.PORT.isNotDistinctFrom(binds.value(DATABASES.PORT, DatabasesRecord::getPort)))
                        .limit(binds.value(SQLDataType.BIGINT, any -> 1L)));

        for (DatabasesRecord database : stored) {
            var hot = byNameAndPort.fetch(() -> dsl, database, DATABASES.fields());
            var jooqs = ((ResultQuery<?>) byNameAndPort.query(dsl, database)).fetch();
            assertThat(hot).hasSize(1);
            assertThat(hot.intoMaps()).isEqualTo(jooqs.intoMaps());
            assertThat(hot.getFirst().get(DATABASES.ID)).isEqualTo(database.getId());
            // The rows' fields are the table's own, which a mapper's record.get(DATABASES.…) finds by identity.
            assertThat(hot.field(0)).isSameAs(DATABASES.ID);
        }
    }

    @Test
    void aValueThatBindsDidNotMakeIsRefusedAtTheFirstCall() {
        DSLContext dsl = transaction.dsl();
        HotStatement<String> frozen = HotStatement.of(
                (context, name, binds) -> context.selectFrom(DATABASES).where(DATABASES.NAME.eq(name)));

        assertThatThrownBy(() -> frozen.fetch(() -> dsl, "orders", DATABASES.fields()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Binds.value");
    }

    @Test
    void readingOtherColumnsThanTheStatementReturnsIsRefused() {
        DSLContext dsl = transaction.dsl();
        HotStatement<UUID> byId = HotStatement.of((context, id, binds) ->
                context.selectFrom(DATABASES).where(DATABASES.ID.eq(binds.value(DATABASES.ID, value -> value))));

        assertThatThrownBy(() -> byId.fetch(() -> dsl, UUID.randomUUID(), EVENTS.fields()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("returns [id, name,");
    }

    @Test
    void aRefusedRowFailsAsJooqsOwnInsertWouldNamingItsConstraint() {
        DSLContext dsl = transaction.dsl();
        DatabasesRecord orphan = aDatabase(3, true).setOwnerTeam("no-such-team");

        assertThatThrownBy(() -> HotStatement.insert(DATABASES).execute(() -> dsl, orphan))
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(StoreErrors.violates(e, "databases_owner_team_fkey"))
                                .isTrue());
    }

    @Test
    void theSessionsSchemaIsTheOneItsSqlNames() {
        TestPostgres postgres = TestPostgres.shared();
        var dataSource = postgres.dataSource(postgres.createDatabase("hot_tenant"));
        new Migrator(dataSource, "tenant_b").up(); // the only schema with DAAP's tables in that database
        DSLContext dsl = JooqFactory.create(dataSource, "tenant_b");
        MigratedDatabase.teamsExist(dsl, TEAM);
        DatabasesRecord database = aDatabase(4, true);
        HotStatement<UUID> byId = HotStatement.of((context, id, binds) ->
                context.selectFrom(DATABASES).where(DATABASES.ID.eq(binds.value(DATABASES.ID, value -> value))));

        HotStatement.insert(DATABASES).execute(() -> dsl, database);

        assertThat(byId.fetch(() -> dsl, database.getId(), DATABASES.fields()))
                .singleElement()
                .satisfies(row -> assertThat(row.get(DATABASES.NAME)).isEqualTo(database.getName()));
    }

    /**
     * Inserts records 1 to 4 of {@code table} through the hot statement (two of each shape: the first renders, the
     * second reuses) and records 5 to 8, of the same shapes, through jOOQ's own execution of its query. Every value
     * set must come back as it went in, and every column left to its default as in jOOQ's row.
     */
    private static <R extends TableRecord<R>> void assertStoredAsJooqStores(
            DSLContext dsl, Table<R> table, TableField<R, UUID> key, IntFunction<R> variant) {
        HotStatement<R> insert = HotStatement.insert(table);
        for (int i = 1; i <= 4; i++) {
            R hot = variant.apply(i);
            R jooqs = variant.apply(i + 4);
            assertThat(insert.execute(() -> dsl, hot)).isEqualTo(1);
            assertThat(insert.query(dsl, jooqs).execute()).isEqualTo(1);
            R storedHot = dsl.fetchSingle(table, key.eq(hot.get(key)));
            R storedJooqs = dsl.fetchSingle(table, key.eq(jooqs.get(key)));
            for (Field<?> field : table.fields()) {
                var column = "%s.%s of %d".formatted(table.getName(), field.getName(), i);
                if (hot.changed(field)) {
                    assertThat(storedHot.get(field)).as(column).isEqualTo(hot.get(field));
                    assertThat(storedJooqs.get(field)).as(column).isEqualTo(jooqs.get(field));
                } else {
                    assertThat(storedHot.get(field)).as(column).isEqualTo(storedJooqs.get(field));
                }
            }
        }
    }

    private static DatabasesRecord aDatabase(int variant, boolean full) {
        return new DatabasesRecord()
                .setId(new UUID(variant, 7))
                .setName("hot-" + variant)
                .setNameOnCluster("hot_" + variant)
                .setOwnerTeam(TEAM.value())
                .setPurpose("Hot " + variant)
                .setStatus(full ? "ready" : "provisioning")
                .setHost(full ? "db.example" : null)
                .setPort(full ? 5432 : null)
                .setDatabaseName(full ? "hot_" + variant : null)
                .setUsername(full ? "hot_owner" : null)
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
        AuditEventsRecord event = new AuditEventsRecord()
                .setId(new UUID(variant, 10))
                .setOccurredAt(AT)
                .setActorKeyId(full ? new UUID(variant, 11) : null)
                .setActorTeam(full ? TEAM.value() : null)
                .setAction("database.created")
                .setResourceType("database")
                .setResourceId("hot-" + variant)
                .setTeam(TEAM.value())
                .setRequestId("req-" + variant)
                .setAfter(JSONB.valueOf("{\"status\": \"ready\"}"));
        if (full) { // the sparse one leaves these to their column defaults
            event.setClientAddress("127.0.0.1").setBefore(JSONB.valueOf("{\"status\": \"provisioning\"}"));
        }
        return event;
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
