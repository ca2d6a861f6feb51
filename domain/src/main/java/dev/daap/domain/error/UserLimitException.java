package dev.daap.domain.error;

/** The database has as many users as it may have; one must be deleted first. */
public final class UserLimitException extends DomainException {
    private final int limit;

    public UserLimitException(int limit) {
        super("a database has at most " + limit + " users; delete one first");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    @Override
    public String code() {
        return "user-limit";
    }
}
