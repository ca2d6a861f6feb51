package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import org.jooq.JSONB;

import java.util.Map;

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

    static JSONB payloadOf(Map<String, Object> payload) {
        return JsonColumns.toJsonb(payload);
    }
}
