package dev.daap.adapters.postgres.revision;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.DatabaseRevisionsRecord;
import dev.daap.domain.audit.ActorKind;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.revision.DatabaseSettings;
import dev.daap.domain.revision.Revision;
import dev.daap.domain.revision.RevisionActor;
import dev.daap.domain.revision.SettingChange;
import dev.daap.domain.team.TeamSlug;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps between the generated record and the domain's {@link Revision}: changes as a JSONB array of {@code {field,
 * before, after}}, settings as a JSONB object. JSONB keeps no key order, so settings come back in
 * {@link DatabaseSettings}' order, any field it no longer names after them.
 */
final class RevisionRecordMapper {
    private RevisionRecordMapper() {}

    static DatabaseRevisionsRecord toRecord(Revision revision) {
        List<Map<String, Object>> changes = revision.changes().stream()
                .map(RevisionRecordMapper::changeObject)
                .toList();
        return new DatabaseRevisionsRecord()
                .setDatabaseId(revision.database().value())
                .setVersion(revision.version())
                .setChangedAt(revision.changedAt())
                .setActorKind(revision.actor().kind().wireName())
                .setActorKeyId(revision.actor().keyId())
                .setActorTeam(
                        revision.actor().team() == null
                                ? null
                                : revision.actor().team().value())
                .setChanges(JsonColumns.toJsonbArray(changes))
                .setSettings(JsonColumns.toJsonb(revision.settings()));
    }

    static Revision toDomain(DatabaseRevisionsRecord record) {
        List<SettingChange> changes = JsonColumns.objectList(record.getChanges(), "a revision's changes").stream()
                .map(change ->
                        new SettingChange((String) change.get("field"), change.get("before"), change.get("after")))
                .toList();
        return new Revision(
                new DatabaseId(record.getDatabaseId()),
                record.getVersion(),
                record.getChangedAt(),
                new RevisionActor(
                        ActorKind.fromWireName(record.getActorKind()),
                        record.getActorKeyId(),
                        record.getActorTeam() == null ? null : new TeamSlug(record.getActorTeam())),
                changes,
                inSettingsOrder(JsonColumns.objectMap(record.getSettings(), "a revision's settings")));
    }

    private static Map<String, Object> changeObject(SettingChange change) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("field", change.field());
        object.put("before", change.before());
        object.put("after", change.after());
        return object;
    }

    private static Map<String, Object> inSettingsOrder(Map<String, Object> stored) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (String field : DatabaseSettings.fields()) {
            if (stored.containsKey(field)) {
                ordered.put(field, stored.get(field));
            }
        }
        ordered.putAll(stored);
        return ordered;
    }
}
