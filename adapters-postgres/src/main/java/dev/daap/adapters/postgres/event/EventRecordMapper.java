package dev.daap.adapters.postgres.event;

import dev.daap.adapters.postgres.generated.tables.records.EventsRecord;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.team.TeamSlug;
import org.jooq.JSONB;
import org.jooq.tools.json.JSONObject;
import org.jooq.tools.json.JSONParser;
import org.jooq.tools.json.ParseException;

import java.util.LinkedHashMap;
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
                payloadFrom(record.getPayload()));
    }

    static JSONB payloadOf(Map<String, Object> payload) {
        return JSONB.valueOf(JSONObject.toJSONString(payload));
    }

    private static Map<String, Object> payloadFrom(JSONB json) {
        try {
            Map<String, Object> payload = new LinkedHashMap<>();
            ((Map<?, ?>) new JSONParser().parse(json.data()))
                    .forEach((key, value) -> payload.put((String) key, value));
            return payload;
        } catch (ParseException | ClassCastException e) {
            // The CHECK constraint keeps the payload an object; its contents are this adapter's own writing.
            throw new IllegalStateException("a stored event payload is not a JSON object: " + json.data(), e);
        }
    }
}
