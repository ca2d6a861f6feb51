package dev.daap.adapters.postgres.event;

import static dev.daap.adapters.postgres.generated.Tables.EVENTS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.adapters.postgres.sql.Binds;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFilter;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.NewEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
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
    /** Every create and status change appends; xid and seq are the database's. */
    private final HotStatement<EventsRecord> insert = HotStatement.insert(EVENTS, EVENTS.XID, EVENTS.SEQ);

    /** The relay reads after every batch of notifications; a shape for each kind of filter. */
    final HotStatement<Read> reads = HotStatement.of(ReadShape::of, JooqEventLog::read);

    public JooqEventLog(JooqSession session, String channel) {
        this.session = session;
        this.channel = channel;
    }

    /** The NOTIFY channel for a schema: instances sharing a schema share the channel. */
    public static String channelFor(String schema) {
        return "daap_events_" + schema;
    }

    /** The NOTIFY carries the position; the relay only takes it as a cue to read the table. */
    @Override
    public EventPosition append(NewEvent event) {
        Record row = insert.fetch(session, EventRecordMapper.toRecord(event), EVENTS.XID, EVENTS.SEQ)
                .getFirst();
        EventPosition position = new EventPosition(row.get(EVENTS.XID), row.get(EVENTS.SEQ));
        session.notifyAfterCommit(channel, position.encode());
        return position;
    }

    @Override
    public List<Event> publishedAfter(EventPosition after, EventFilter filter, int limit) {
        return reads.fetch(session, new Read(after, filter, limit), EVENTS.fields())
                .map(EventRecordMapper::toDomain);
    }

    /** A read of {@link #publishedAfter}. */
    record Read(EventPosition after, EventFilter filter, int limit) {}

    private static Select<EventsRecord> read(DSLContext dsl, Read read, Binds<Read> binds) {
        return dsl.selectFrom(EVENTS)
                .where(DSL.row(EVENTS.XID, EVENTS.SEQ)
                        .gt(
                                binds.value(EVENTS.XID, r -> r.after().xid()),
                                binds.value(EVENTS.SEQ, r -> r.after().seq())))
                .and(EVENTS.XID.lt(SNAPSHOT_XMIN))
                .and(matching(read.filter(), binds))
                .orderBy(EVENTS.XID, EVENTS.SEQ)
                .limit(binds.value(SQLDataType.BIGINT, r -> (long) r.limit()));
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

    private static Condition matching(EventFilter filter, Binds<Read> binds) {
        Condition condition = DSL.noCondition();
        if (filter.team().isPresent()) {
            condition = condition.and(EVENTS.TEAM.eq(binds.value(
                    EVENTS.TEAM, r -> r.filter().team().orElseThrow().value())));
        }
        if (!filter.types().isEmpty()) {
            List<Param<String>> types = new ArrayList<>();
            for (int i = 0; i < filter.types().size(); i++) {
                int index = i; // the IN list's placeholders: any order of the types matches them
                types.add(binds.value(EVENTS.TYPE, r -> typeName(r.filter(), index)));
            }
            condition = condition.and(EVENTS.TYPE.in(types));
        }
        if (filter.resourceId().isPresent()) {
            condition = condition.and(EVENTS.RESOURCE_ID.eq(
                    binds.value(EVENTS.RESOURCE_ID, r -> r.filter().resourceId().orElseThrow())));
        }
        return condition;
    }

    private static String typeName(EventFilter filter, int index) {
        return filter.types().stream().skip(index).findFirst().orElseThrow().wireName();
    }

    /** What decides a read's SQL: which filters are present, and how many types (one placeholder each). */
    private record ReadShape(boolean team, int types, boolean resource) {
        static ReadShape of(Read read) {
            EventFilter filter = read.filter();
            return new ReadShape(
                    filter.team().isPresent(),
                    filter.types().size(),
                    filter.resourceId().isPresent());
        }
    }
}
