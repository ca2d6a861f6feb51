package dev.daap.adapters.postgres.event;

import static dev.daap.adapters.postgres.generated.Tables.EVENTS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.RenderedInsert;
import dev.daap.adapters.postgres.RenderedSql;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import java.time.Instant;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link EventLog} on PostgreSQL. Each row carries the id of the transaction that wrote it ({@code xid}) and a
 * sequence number; positions order by both. A read publishes only rows whose transaction is older than the oldest
 * transaction still running in its snapshot ({@code pg_snapshot_xmin}): such a transaction has ended, and every
 * transaction that commits later has a larger id, so a later read can only add rows after the ones returned.
 * Appending sends a {@code NOTIFY} with the position, which PostgreSQL delivers when the transaction commits.
 */
public final class JooqEventLog implements EventLog {
    private static final int PURGE_BATCH = 5_000;
    /** A scalar subquery, so it is computed once per statement, from the statement's own snapshot. */
    private static final Field<Long> SNAPSHOT_XMIN = DSL.field(
            DSL.select(DSL.field("(pg_snapshot_xmin(pg_current_snapshot())::text)::bigint", SQLDataType.BIGINT)));

    private final JooqSession session;
    private final String channel;
    private final RenderedInsert<EventsRecord> insert;
    private final EventReadSql readSql;

    public JooqEventLog(JooqSession session, String channel) {
        this.session = session;
        this.insert = new RenderedInsert<>(session, EVENTS, EVENTS.XID, EVENTS.SEQ);
        // The placeholder values are the shape's first read's; the SQL text does not depend on them.
        this.readSql = new EventReadSql(filter -> session.dsl().render(select(EventPosition.ORIGIN, filter, 1)));
        this.channel = channel;
    }

    /** The NOTIFY channel for a schema: instances sharing a schema share the channel. */
    public static String channelFor(String schema) {
        return "daap_events_" + schema;
    }

    /** The NOTIFY carries the position; the relay only takes it as a cue to read the table. */
    @Override
    public EventPosition append(NewEvent event) {
        Record row = insert.executeReturning(EventRecordMapper.toRecord(event)); // xid and seq: the database's
        EventPosition position = new EventPosition(row.get(EVENTS.XID), row.get(EVENTS.SEQ));
        session.notifyAfterCommit(channel, position.encode());
        return position;
    }

    @Override
    public List<Event> publishedAfter(EventPosition after, EventFilter filter, int limit) {
        return RenderedSql.fetch(
                        session, readSql.sql(filter), EventReadSql.binds(after, filter, limit), EVENTS.fields())
                .map(EventRecordMapper::toDomain);
    }

    /** The read of {@link #publishedAfter}, as jOOQ builds it; its SQL is kept per shape (see {@link EventReadSql}). */
    Select<EventsRecord> select(EventPosition after, EventFilter filter, int limit) {
        return session.dsl()
                .selectFrom(EVENTS)
                .where(DSL.row(EVENTS.XID, EVENTS.SEQ).gt(after.xid(), after.seq()))
                .and(EVENTS.XID.lt(SNAPSHOT_XMIN))
                .and(matching(filter))
                .orderBy(EVENTS.XID, EVENTS.SEQ)
                .limit(limit);
    }

    @Override
    public EventPosition head() {
        return session.dsl()
                .select(EVENTS.XID, EVENTS.SEQ)
                .from(EVENTS)
                .where(EVENTS.XID.lt(SNAPSHOT_XMIN))
                .orderBy(EVENTS.XID.desc(), EVENTS.SEQ.desc())
                .limit(1)
                .fetchOptional(row -> new EventPosition(row.value1(), row.value2()))
                .orElse(EventPosition.ORIGIN);
    }

    /** In batches, so that purging a long backlog never holds one huge delete's locks and WAL at once. */
    @Override
    public int deleteOccurredBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = session.dsl()
                    .deleteFrom(EVENTS)
                    .where(DSL.row(EVENTS.XID, EVENTS.SEQ)
                            .in(DSL.select(EVENTS.XID, EVENTS.SEQ)
                                    .from(EVENTS)
                                    .where(EVENTS.OCCURRED_AT.lt(cutoff))
                                    .limit(PURGE_BATCH)))
                    .execute();
            total += deleted;
        } while (deleted == PURGE_BATCH);
        return total;
    }

    private static Condition matching(EventFilter filter) {
        Condition condition = DSL.noCondition();
        if (filter.team().isPresent()) {
            condition = condition.and(EVENTS.TEAM.eq(filter.team().get().value()));
        }
        if (!filter.types().isEmpty()) {
            condition = condition.and(EVENTS.TYPE.in(
                    filter.types().stream().map(EventType::wireName).toList()));
        }
        if (filter.resourceId().isPresent()) {
            condition = condition.and(EVENTS.RESOURCE_ID.eq(filter.resourceId().get()));
        }
        return condition;
    }
}
