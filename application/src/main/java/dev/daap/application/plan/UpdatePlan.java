package dev.daap.application.plan;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.common.RacedChangeRetry;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.error.PlanInUseException;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.Plans;
import java.time.Clock;

/**
 * A platform admin changes a plan: its description and prices at any time (they price the rest of the month from
 * now on), the default flag (taken from the plan that had it), and its limits only while no database uses it: the
 * limits of databases already running would otherwise change under them without a request of theirs. Moving
 * databases to a new plan does that, one at a time, each checked and applied.
 */
public final class UpdatePlan {
    private final Transactions transactions;
    private final Plans plans;
    private final AuditTrail audit;
    private final Clock clock;

    public UpdatePlan(Transactions transactions, Plans plans, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    public Plan execute(Caller caller, UpdatePlanCommand command) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "changing a plan");
        return RacedChangeRetry.run(
                command.precondition(),
                () -> transactions.inTransaction(() -> {
                    Plan current = plans.findForUse(command.name())
                            .orElseThrow(() ->
                                    new PlanNotFoundException(command.name().value()));
                    command.precondition().check(current.version());
                    if (command.changes().changesNothing()) {
                        return current;
                    }
                    Plan changed = changed(current, command);
                    if (changed.limitsDifferFrom(current) && plans.usedBy(current.name()) > 0) {
                        throw new PlanInUseException(current.name().value(), "given other limits");
                    }
                    try {
                        plans.update(changed, current.version());
                    } catch (ConcurrentChangeException e) {
                        throw command.precondition().changedMeanwhile(e, current.version());
                    }
                    audit.planUpdated(caller, current, changed);
                    return changed;
                }));
    }

    private Plan changed(Plan current, UpdatePlanCommand command) {
        try {
            return current.change(command.changes(), clock.instant());
        } catch (IllegalArgumentException e) {
            // The one rule across fields: included storage within the limit.
            throw InvalidInputException.of("included_storage_bytes", e.getMessage());
        }
    }
}
