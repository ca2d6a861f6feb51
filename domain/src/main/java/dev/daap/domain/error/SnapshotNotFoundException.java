package dev.daap.domain.error;

/** The database has no live snapshot with this id. */
public final class SnapshotNotFoundException extends DomainException {
    public SnapshotNotFoundException(String id) {
        super("no snapshot with id " + id);
    }

    @Override
    public String code() {
        return "snapshot-not-found";
    }
}
