package dev.daap.domain.error;

/** The database keeps as many backups as it may; one must be deleted first. */
public final class BackupLimitException extends DomainException {
    private final int limit;

    public BackupLimitException(int limit) {
        super("a database keeps at most " + limit + " backups; delete one first");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    @Override
    public String code() {
        return "backup-limit";
    }
}
