package dev.daap.domain.error;

/** No live backup of this id that the caller may see. */
public final class BackupNotFoundException extends DomainException {
    public BackupNotFoundException(String id) {
        super("no backup with id " + id);
    }

    @Override
    public String code() {
        return "backup-not-found";
    }
}
