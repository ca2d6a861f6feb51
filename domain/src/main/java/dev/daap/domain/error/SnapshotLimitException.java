package dev.daap.domain.error;

/** The database has as many snapshots as it may keep; one must be deleted first. */
public final class SnapshotLimitException extends DomainException {
    private final int limit;

    public SnapshotLimitException(int limit, String why) {
        super(why + ": a database keeps at most " + limit + " snapshots; delete one first");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    @Override
    public String code() {
        return "snapshot-limit";
    }
}
