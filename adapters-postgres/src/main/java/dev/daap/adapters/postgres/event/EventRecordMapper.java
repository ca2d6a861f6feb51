package dev.daap.adapters.postgres.event;

import static dev.daap.adapters.postgres.generated.Tables.EVENTS;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import org.jooq.Record;

/** Maps between the generated record and the domain's {@link Event}; the payload travels as a JSONB object. */
final class EventRecordMapper {
    private EventRecordMapper() {}

    /** Reads a row of {@code events}, fetched with the table's fields. */
    static Event toDomain(Record record) {
        return new Event(
                new EventPosition(record.get(EVENTS.XID), record.get(EVENTS.SEQ)),
                record.get(EVENTS.OCCURRED_AT),
                EventType.fromWireName(record.get(EVENTS.TYPE)),
                record.get(EVENTS.TEAM) == null ? null : new TeamSlug(record.get(EVENTS.TEAM)),
                record.get(EVENTS.RESOURCE_ID),
                JsonColumns.objectMap(record.get(EVENTS.PAYLOAD), "an event payload"));
    }

    /** The columns an append sets; the database assigns the position ({@code xid}, {@code seq}). */
    static EventsRecord toRecord(NewEvent event) {
        return new EventsRecord()
                .setOccurredAt(event.occurredAt())
                .setType(event.type().wireName())
                .setTeam(event.team() == null ? null : event.team().value())
                .setResourceId(event.resourceId())
                .setPayload(JsonColumns.toJsonb(event.payload()));
    }
}
