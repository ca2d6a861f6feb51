package dev.daap.domain.error;

import java.time.Instant;

/** A deleted database can be restored until its window closes; this one's closed (it is purged, or about to be). */
public final class RestoreWindowExpiredException extends DomainException {
    public RestoreWindowExpiredException(String id, Instant restorableUntil) {
        super("database " + id + " could be restored until " + restorableUntil + "; that window has passed");
    }

    @Override
    public String code() {
        return "restore-window-expired";
    }
}
