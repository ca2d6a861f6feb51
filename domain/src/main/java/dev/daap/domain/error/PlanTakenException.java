package dev.daap.domain.error;

/** A plan of the catalog has this name already. */
public final class PlanTakenException extends DomainException {
    public PlanTakenException(String name) {
        super("a plan named '" + name + "' already exists");
    }

    @Override
    public String code() {
        return "plan-taken";
    }
}
