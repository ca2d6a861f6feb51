package dev.daap.application.user;

import dev.daap.domain.database.Database;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.user.DatabaseUser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Appends the event of each change to a user in the caller's transaction: its resource is the user, and the payload
 * names its database. Never a password, nor a login's name (which a password goes with).
 */
public final class UserEvents {
    private final EventLog log;

    public UserEvents(EventLog log) {
        this.log = log;
    }

    public void created(Database database, DatabaseUser user) {
        append(EventType.USER_CREATED, database, user, facts(database, user));
    }

    /** Nothing is appended when the status stayed the same. */
    public void statusChanged(Database database, DatabaseUser before, DatabaseUser after) {
        if (before.status() == after.status()) {
            return;
        }
        Map<String, Object> payload = facts(database, after);
        payload.put("from", before.status().wireName());
        payload.put("to", after.status().wireName());
        append(EventType.USER_STATUS_CHANGED, database, after, payload);
    }

    public void credentialsRotated(Database database, DatabaseUser after) {
        Map<String, Object> payload = facts(database, after);
        payload.put(
                "previous_valid_until",
                after.previousValidUntil() == null
                        ? null
                        : after.previousValidUntil().toString());
        append(EventType.USER_CREDENTIALS_ROTATED, database, after, payload);
    }

    public void previousLoginEnded(Database database, DatabaseUser after) {
        append(EventType.USER_PREVIOUS_LOGIN_ENDED, database, after, facts(database, after));
    }

    private static Map<String, Object> facts(Database database, DatabaseUser user) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("database_id", database.id().toString());
        payload.put("name", user.name().value());
        payload.put("access", user.access().wireName());
        payload.put("status", user.status().wireName());
        payload.put("version", user.version());
        return payload;
    }

    private void append(EventType type, Database database, DatabaseUser user, Map<String, Object> payload) {
        log.append(new NewEvent(
                user.updatedAt(), type, database.ownerTeam(), user.id().value(), payload));
    }
}
