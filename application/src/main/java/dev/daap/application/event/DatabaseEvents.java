package dev.daap.application.event;

import dev.daap.domain.database.Database;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends the event of each change to a database, in the caller's open transaction, so the event is stored
 * exactly when the change is. Call it with the database as it was and as it is after the change. Payloads carry
 * a few facts (name, status, version, what changed), never credentials, connection details or labels: a client
 * that needs more reads the database itself.
 */
public final class DatabaseEvents {
    private final EventLog log;
    private final Clock clock;

    public DatabaseEvents(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    /** A team asked for a new database (status pending). */
    public void created(Database database) {
        Map<String, Object> payload = facts(database);
        payload.put("owner_team", database.ownerTeam().value());
        payload.put(
                "cluster",
                database.cluster() == null ? null : database.cluster().name().value());
        append(EventType.DATABASE_CREATED, database, database.updatedAt(), payload);
    }

    /** The owner changed purpose, labels or owner team; nothing is appended when none of them changed. */
    public void updated(Database before, Database after) {
        List<String> changed = new ArrayList<>();
        if (!before.purpose().equals(after.purpose())) {
            changed.add("purpose");
        }
        if (!before.labels().equals(after.labels())) {
            changed.add("labels");
        }
        if (!before.ownerTeam().equals(after.ownerTeam())) {
            changed.add("owner_team");
        }
        if (before.deletionProtection() != after.deletionProtection()) {
            changed.add("deletion_protection");
        }
        if (changed.isEmpty()) {
            return;
        }
        Map<String, Object> payload = facts(after);
        payload.put("changed", List.copyOf(changed));
        if (changed.contains("owner_team")) {
            // The event belongs to the new owner; the previous one is named so its watchers can be told apart.
            payload.put("previous_owner_team", before.ownerTeam().value());
        }
        append(EventType.DATABASE_UPDATED, after, after.updatedAt(), payload);
    }

    /** The owner asked to delete it: it is now {@code deleting}, and a worker removes it from the cluster. */
    public void deletionStarted(Database before, Database after) {
        Map<String, Object> payload = facts(after);
        payload.put("from", before.status().wireName());
        append(EventType.DATABASE_DELETED, after, after.updatedAt(), payload);
    }

    /**
     * Its status moved (a worker provisioned it, deleted it or gave up; the owner retried it). Nothing is appended
     * when the status stayed the same.
     */
    public void statusChanged(Database before, Database after) {
        if (before.status() == after.status()) {
            return;
        }
        Map<String, Object> payload = facts(after);
        payload.put("from", before.status().wireName());
        payload.put("to", after.status().wireName());
        payload.put("failure_reason", after.failureReason());
        append(EventType.DATABASE_STATUS_CHANGED, after, after.updatedAt(), payload);
    }

    /**
     * A move switched it to its new cluster ({@code moving} to {@code ready}): the status change, with the clusters,
     * how long it was read-only, and the deleted database its old copy became. No connection details.
     */
    public void moved(Database before, Database after, Move move) {
        Map<String, Object> payload = facts(after);
        payload.put("from", before.status().wireName());
        payload.put("to", after.status().wireName());
        payload.put("failure_reason", null);
        payload.put("moved_from_cluster", move.from().name().value());
        payload.put("moved_to_cluster", move.to().name().value());
        payload.put("read_only_ms", move.readOnlyMs());
        payload.put("old_copy_id", move.leftBehind().toString());
        append(EventType.DATABASE_STATUS_CHANGED, after, after.updatedAt(), payload);
    }

    /**
     * It crossed its plan's storage limit as the probe measured it: {@code from} and {@code to} are its quota states,
     * with its size and the limit. The version is the database's, which the change leaves as it was.
     */
    public void quotaStateChanged(QuotaStateChange change) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", change.name().value());
        payload.put("status", change.status().wireName());
        payload.put("version", change.version());
        payload.put("from", change.from().wireName());
        payload.put("to", change.to().wireName());
        payload.put("plan", change.plan().value());
        payload.put("storage_bytes", change.storageBytes());
        payload.put("storage_limit_bytes", change.storageLimitBytes());
        log.append(new NewEvent(
                clock.instant(),
                EventType.DATABASE_QUOTA_STATE_CHANGED,
                change.ownerTeam(),
                change.id().value(),
                payload));
    }

    /** Its password was replaced; the event says so and nothing more. */
    public void credentialsRotated(Database database) {
        append(EventType.CREDENTIALS_ROTATED, database, clock.instant(), facts(database));
    }

    private static Map<String, Object> facts(Database database) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("name", database.name().value());
        payload.put("status", database.status().wireName());
        payload.put("version", database.version());
        return payload;
    }

    private void append(EventType type, Database database, Instant at, Map<String, Object> payload) {
        log.append(new NewEvent(at, type, database.ownerTeam(), database.id().value(), payload));
    }
}
