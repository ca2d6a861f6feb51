package dev.daap.domain.error;

/** A database cannot move to a plan whose storage limit is below what it was last measured to use. */
public final class PlanTooSmallException extends DomainException {
    public PlanTooSmallException(String plan, long storageLimitBytes, long usedBytes) {
        super("the plan '" + plan + "' allows " + storageLimitBytes
                + " bytes of storage; the database was last measured at " + usedBytes + " bytes");
    }

    @Override
    public String code() {
        return "plan-too-small";
    }
}
