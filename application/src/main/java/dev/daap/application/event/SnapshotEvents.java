package dev.daap.application.event;

import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.snapshot.Snapshot;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends the event of each change to a snapshot in the caller's transaction: its resource is the snapshot, and the
 * payload names its database, so a client that follows a database filters by {@code database_id}.
 */
public final class SnapshotEvents {
    private final EventLog log;

    public SnapshotEvents(EventLog log) {
        this.log = log;
    }

    public void created(Snapshot snapshot) {
        append(EventType.SNAPSHOT_CREATED, snapshot, facts(snapshot));
    }

    /** A restore began: {@code replaced} will keep what the database holds now. */
    public void restoreStarted(Snapshot restored, Snapshot replaced) {
        Map<String, Object> payload = facts(replaced);
        payload.put("restored_snapshot_id", restored.id().toString());
        append(EventType.SNAPSHOT_RESTORE_STARTED, replaced, payload);
    }

    public void deletionStarted(Snapshot snapshot) {
        append(EventType.SNAPSHOT_DELETED, snapshot, facts(snapshot));
    }

    /** Nothing is appended when the status stayed the same. */
    public void statusChanged(Snapshot before, Snapshot after) {
        if (before.status() == after.status()) {
            return;
        }
        Map<String, Object> payload = facts(after);
        payload.put("from", before.status().wireName());
        payload.put("to", after.status().wireName());
        payload.put("failure_reason", after.failureReason());
        append(EventType.SNAPSHOT_STATUS_CHANGED, after, payload);
    }

    private static Map<String, Object> facts(Snapshot snapshot) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("database_id", snapshot.databaseId().toString());
        payload.put("status", snapshot.status().wireName());
        payload.put("version", snapshot.version());
        return payload;
    }

    private void append(EventType type, Snapshot snapshot, Map<String, Object> payload) {
        log.append(new NewEvent(
                snapshot.updatedAt(), type, snapshot.ownerTeam(), snapshot.id().value(), payload));
    }
}
