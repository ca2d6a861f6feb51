package dev.daap.domain.error;

/** No backup can be taken of the database now: this machine lacks the client tools its cluster needs. */
public final class BackupUnavailableException extends DomainException {
    public BackupUnavailableException(String why) {
        super(why);
    }

    @Override
    public String code() {
        return "backup-unavailable";
    }
}
