package dev.daap.domain.error;

import java.time.Instant;

/**
 * The database exists but is deleted (restorable until its window closes), being purged, or purged: it can be read
 * and restored, not changed or connected to. A conflict with its state, not a missing resource, so the client
 * learns what to do (restore it) instead of thinking it never existed.
 */
public final class DatabaseDeletedException extends DomainException {
    public DatabaseDeletedException(String id, String status, Instant restorableUntil) {
        super(message(id, status, restorableUntil));
    }

    private static String message(String id, String status, Instant restorableUntil) {
        if (restorableUntil != null) {
            return "database " + id + " is " + status + "; restore it first (POST /v1/databases/" + id
                    + "/restore), which is possible until " + restorableUntil;
        }
        return "database " + id + " is " + status + " and can no longer be restored";
    }

    @Override
    public String code() {
        return "database-deleted";
    }
}
