package dev.daap.domain.error;

/** The request would take a team (or the plan catalog) beyond how many it may have. */
public final class QuotaExceededException extends DomainException {
    private final long limit;

    public QuotaExceededException(String what, long limit) {
        super(what + " at most " + limit + "; delete one first, or ask a platform admin for more");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    @Override
    public String code() {
        return "quota-exceeded";
    }
}
