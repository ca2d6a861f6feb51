package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;

/** Maps between the generated record and the domain's {@link Event}; the payload travels as a JSONB object. */
final class EventRecordMapper {
    private EventRecordMapper() {
    }

    static Event toDomain(EventsRecord record) {
        return new Event(
                new EventPosition(record.getXid(), record.getSeq()),
                record.getOccurredAt(),
                EventType.fromWireName(record.getType()),
                new TeamSlug(record.getTeam()),
                record.getResourceId(),
                JsonColumns.objectMap(record.getPayload(), "an event payload"));
    }

    /** The columns an append sets; the database assigns the position ({@code xid}, {@code seq}). */
    static EventsRecord toRecord(NewEvent event) {
        return new EventsRecord()
                .setOccurredAt(event.occurredAt())
                .setType(event.type().wireName())
                .setTeam(event.team().value())
                .setResourceId(event.resourceId())
                .setPayload(JsonColumns.toJsonb(event.payload()));
    }
}
