package dev.daap.domain.error;

/** No plan of the catalog has this name. */
public final class PlanNotFoundException extends DomainException {
    public PlanNotFoundException(String name) {
        super("no plan is named '" + name + "'");
    }

    @Override
    public String code() {
        return "plan-not-found";
    }
}
