package dev.daap.migrations;

import java.util.stream.Collectors;

/** A rollback that would drop data was asked for without saying so; nothing was rolled back. */
public final class RollbackRefusedException extends MigrationException {
    private final RollbackPlan plan;

    RollbackRefusedException(String schema, RollbackPlan plan) {
        super(
                "rolling back " + plan.changesets().size() + " changeset(s) of schema " + schema + " would drop "
                        + plan.dataLoss().stream().map(Object::toString).collect(Collectors.joining(", "))
                        + "; nothing was rolled back",
                null);
        this.plan = plan;
    }

    public RollbackPlan plan() {
        return plan;
    }
}
