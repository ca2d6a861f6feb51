package dev.daap.adapters.postgres.audit;

import static dev.daap.adapters.postgres.generated.Tables.AUDIT_EVENTS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.AuditEventsRecord;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.audit.AuditLog;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.common.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.Select;

/**
 * The {@link AuditLog} on PostgreSQL: an insert-only table (its triggers refuse UPDATE, DELETE and TRUNCATE), read
 * newest first with the id as keyset, each filter served by an index that ends in the id.
 */
public final class JooqAuditLog implements AuditLog {
    private final JooqSession session;
    /** Every change through the API appends. */
    private final HotStatement<AuditEventsRecord> insert = HotStatement.insert(AUDIT_EVENTS);

    public JooqAuditLog(JooqSession session) {
        this.session = Objects.requireNonNull(session, "session");
    }

    @Override
    public void append(AuditEvent event) {
        AuditEventsRecord record = AuditEventRecordMapper.toRecord(event); // refuses a bad snapshot before any SQL
        insert.execute(session, record);
    }

    @Override
    public Page<AuditEvent> list(AuditQuery query) {
        List<AuditEvent> rows = select(query).fetch(AuditEventRecordMapper::toDomain);
        return Page.fromLookahead(rows, query.pageSize(), AuditQuery::tokenAfter);
    }

    /** The page query, also used by tests to check its plan. */
    Select<AuditEventsRecord> select(AuditQuery query) {
        return session.dsl()
                .selectFrom(AUDIT_EVENTS)
                .where(conditions(query))
                .orderBy(AUDIT_EVENTS.ID.desc())
                .limit(query.pageSize() + 1); // one extra row tells whether a next page exists
    }

    private static List<Condition> conditions(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        query.team().ifPresent(team -> conditions.add(AUDIT_EVENTS.TEAM.eq(team.value())));
        query.resourceType().ifPresent(type -> conditions.add(AUDIT_EVENTS.RESOURCE_TYPE.eq(type)));
        query.resourceId().ifPresent(id -> conditions.add(AUDIT_EVENTS.RESOURCE_ID.eq(id)));
        query.actorKeyId().ifPresent(actor -> conditions.add(AUDIT_EVENTS.ACTOR_KEY_ID.eq(actor)));
        query.action().ifPresent(action -> conditions.add(AUDIT_EVENTS.ACTION.eq(action)));
        query.from().ifPresent(from -> conditions.add(AUDIT_EVENTS.OCCURRED_AT.ge(from)));
        query.to().ifPresent(to -> conditions.add(AUDIT_EVENTS.OCCURRED_AT.lt(to)));
        query.before().ifPresent(before -> conditions.add(AUDIT_EVENTS.ID.lt(before)));
        return conditions;
    }
}
