package dev.daap.adapters.postgres.audit;

import dev.daap.adapters.postgres.generated.tables.records.AuditEventsRecord;
import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.team.TeamSlug;

/** Maps between the generated record and the domain's {@link AuditEvent}; snapshots travel as JSONB objects. */
final class AuditEventRecordMapper {
    private AuditEventRecordMapper() {}

    static AuditEvent toDomain(AuditEventsRecord record) {
        return new AuditEvent(
                record.getId(),
                record.getOccurredAt(),
                record.getActorKeyId(),
                slugOrNull(record.getActorTeam()),
                actorKind(record),
                record.getAction(),
                record.getResourceType(),
                record.getResourceId(),
                slugOrNull(record.getTeam()),
                record.getRequestId(),
                record.getClientAddress(),
                SnapshotJson.fromJsonb(record.getBefore()),
                SnapshotJson.fromJsonb(record.getAfter()));
    }

    /** Entries from before the column have none: then only API keys and DAAP itself acted. */
    private static ActorKind actorKind(AuditEventsRecord record) {
        if (record.getActorKind() != null) {
            return ActorKind.fromWireName(record.getActorKind());
        }
        return record.getActorKeyId() != null ? ActorKind.API_KEY : ActorKind.DAAP;
    }

    /** Throws {@link IllegalArgumentException} if a snapshot holds a value that is not JSON-like. */
    static AuditEventsRecord toRecord(AuditEvent event) {
        return new AuditEventsRecord()
                .setId(event.id())
                .setOccurredAt(event.occurredAt())
                .setActorKeyId(event.actorKeyId())
                .setActorTeam(valueOrNull(event.actorTeam()))
                .setActorKind(event.actorKind().wireName())
                .setAction(event.action())
                .setResourceType(event.resourceType())
                .setResourceId(event.resourceId())
                .setTeam(valueOrNull(event.team()))
                .setRequestId(event.requestId())
                .setClientAddress(event.clientAddress())
                .setBefore(SnapshotJson.toJsonb("before", event.before()))
                .setAfter(SnapshotJson.toJsonb("after", event.after()));
    }

    private static TeamSlug slugOrNull(String value) {
        return value == null ? null : new TeamSlug(value);
    }

    private static String valueOrNull(TeamSlug slug) {
        return slug == null ? null : slug.value();
    }
}
