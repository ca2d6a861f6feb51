package dev.daap.domain.error;

/** A plan that databases (not purged) still use cannot be removed, nor its limits changed. */
public final class PlanInUseException extends DomainException {
    public PlanInUseException(String name) {
        this(name, "removed");
    }

    /** {@code what}: what cannot be done to it, as in "its limits changed". */
    public PlanInUseException(String name, String what) {
        super("the plan '" + name + "' is used by databases that are not purged, so it cannot be " + what
                + "; move them to another plan first (or create a new plan)");
    }

    @Override
    public String code() {
        return "plan-in-use";
    }
}
