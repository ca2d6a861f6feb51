package dev.daap.adapters.postgres.audit;

import static dev.daap.adapters.postgres.generated.Tables.AUDIT_EVENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.adapters.postgres.JooqFactory;
import dev.daap.adapters.postgres.MigratedDatabase;
import dev.daap.domain.audit.AuditEvent;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;

/**
 * The database itself keeps the log append-only, whoever connects: these tests connect as the superuser that ran
 * the migrations, so as the table's owner. They commit, so they use a database of their own (TRUNCATE would
 * otherwise wait for every other test's open transaction).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventsAppendOnlyTest {
    private static final String REFUSAL = "audit_events is append-only";
    private DSLContext dsl;
    private AuditEvent stored;

    @BeforeAll
    void appendOne() {
        DataSource dataSource = MigratedDatabase.ofItsOwn("audit_append_only");
        dsl = JooqFactory.create(dataSource, MigratedDatabase.SCHEMA);
        stored = new AuditEvent(
                UUID.randomUUID(),
                Instant.parse("2026-11-25T14:00:00Z"),
                UUID.randomUUID(),
                null,
                "api_key.revoke",
                "api_key",
                "key-1",
                null,
                "req-1",
                "192.0.2.1",
                Map.of(),
                Map.of("revoked", true));
        new JooqAuditLog(() -> dsl).append(stored);
    }

    @Test
    void theConnectionOwnsTheTable() {
        assertThat(dsl.fetchValue(
                        "SELECT tableowner::text = current_user FROM pg_tables "
                                + "WHERE schemaname = ? AND tablename = ?",
                        MigratedDatabase.SCHEMA,
                        "audit_events"))
                .isEqualTo(true);
    }

    @Test
    void anUpdateIsRefused() {
        assertRefused(
                () -> dsl.update(AUDIT_EVENTS)
                        .set(AUDIT_EVENTS.ACTION, "api_key.create")
                        .where(AUDIT_EVENTS.ID.eq(stored.id()))
                        .execute(),
                "UPDATE");
        assertThat(dsl.fetchValue(AUDIT_EVENTS.ACTION, AUDIT_EVENTS.ID.eq(stored.id())))
                .isEqualTo("api_key.revoke");
    }

    @Test
    void aDeleteIsRefused() {
        assertRefused(
                () -> dsl.deleteFrom(AUDIT_EVENTS)
                        .where(AUDIT_EVENTS.ID.eq(stored.id()))
                        .execute(),
                "DELETE");
        assertThat(dsl.fetchExists(AUDIT_EVENTS, AUDIT_EVENTS.ID.eq(stored.id())))
                .isTrue();
    }

    @Test
    void aTruncateIsRefused() {
        assertRefused(() -> dsl.truncate(AUDIT_EVENTS).execute(), "TRUNCATE");
        assertThat(dsl.fetchExists(AUDIT_EVENTS, AUDIT_EVENTS.ID.eq(stored.id())))
                .isTrue();
    }

    @Test
    void anotherEntryCanStillBeAppended() {
        AuditEvent next = new AuditEvent(
                UUID.randomUUID(),
                Instant.parse("2026-11-25T14:00:01Z"),
                null,
                null,
                "team.create",
                "team",
                "payments",
                null,
                null,
                null,
                Map.of(),
                Map.of());

        new JooqAuditLog(() -> dsl).append(next);

        assertThat(dsl.fetchExists(AUDIT_EVENTS, AUDIT_EVENTS.ID.eq(next.id()))).isTrue();
    }

    private static void assertRefused(Runnable statement, String operation) {
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining(REFUSAL + ": " + operation + " is not allowed")
                .satisfies(e -> assertThat(((DataAccessException) e)
                                .getCause(PSQLException.class)
                                .getSQLState())
                        .isEqualTo("P0001"));
    }
}
