package dev.daap.domain.backup;

/** The backup store failed or holds no such object; the message names no secret. */
public final class BackupStoreException extends RuntimeException {
    public BackupStoreException(String message) {
        super(message);
    }

    public BackupStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
