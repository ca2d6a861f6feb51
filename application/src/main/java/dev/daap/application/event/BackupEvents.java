package dev.daap.application.event;

import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.Verification;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends the event of each change to a backup in the caller's transaction: its resource is the backup, and the
 * payload names its database, so a client that follows a database filters by {@code database_id}.
 */
public final class BackupEvents {
    private final EventLog log;

    public BackupEvents(EventLog log) {
        this.log = log;
    }

    public void created(Backup backup) {
        append(EventType.BACKUP_CREATED, backup, facts(backup));
    }

    /** Nothing is appended when the status stayed the same. */
    public void statusChanged(Backup before, Backup after) {
        if (before.status() == after.status()) {
            return;
        }
        Map<String, Object> payload = facts(after);
        payload.put("from", before.status().wireName());
        payload.put("to", after.status().wireName());
        payload.put("failure_reason", after.failureReason());
        append(EventType.BACKUP_STATUS_CHANGED, after, payload);
    }

    /** A restore drill ended: {@code backup.verified}, or {@code backup.verification_failed} with what it found. */
    public void drilled(Backup after) {
        Map<String, Object> payload = facts(after);
        payload.put("detail", after.verification().detail());
        payload.put(
                "verified_at",
                after.verifiedAt() == null ? null : after.verifiedAt().toString());
        append(
                after.verification().status() == Verification.Status.PASSED
                        ? EventType.BACKUP_VERIFIED
                        : EventType.BACKUP_VERIFICATION_FAILED,
                after,
                payload);
    }

    private static Map<String, Object> facts(Backup backup) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("database_id", backup.databaseId().toString());
        payload.put("status", backup.status().wireName());
        payload.put("version", backup.version());
        return payload;
    }

    private void append(EventType type, Backup backup, Map<String, Object> payload) {
        log.append(new NewEvent(
                backup.updatedAt(), type, backup.ownerTeam(), backup.id().value(), payload));
    }
}
