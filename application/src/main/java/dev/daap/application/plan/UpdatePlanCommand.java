package dev.daap.application.plan;

import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.plan.PlanChanges;
import dev.daap.domain.plan.PlanName;
import java.util.Objects;

/** A platform admin's change to a plan, as a merge patch, made against the versions {@code If-Match} names. */
public record UpdatePlanCommand(PlanName name, PlanChanges changes, VersionPrecondition precondition) {
    public UpdatePlanCommand {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(changes, "changes");
        precondition = precondition == null ? VersionPrecondition.ANY : precondition;
    }
}
