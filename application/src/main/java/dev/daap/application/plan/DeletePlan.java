package dev.daap.application.plan;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;

/**
 * A platform admin removes a plan that no database uses (purged ones aside: their records keep its name for the
 * books). The store locks the plan before it counts, so a create that chose it meanwhile is counted.
 */
public final class DeletePlan {
    private final Transactions transactions;
    private final Plans plans;
    private final AuditTrail audit;

    public DeletePlan(Transactions transactions, Plans plans, AuditTrail audit) {
        this.transactions = transactions;
        this.plans = plans;
        this.audit = audit;
    }

    public void execute(Caller caller, PlanName name, VersionPrecondition precondition) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "removing a plan");
        transactions.inTransaction(() -> {
            Plan current = plans.find(name).orElseThrow(() -> new PlanNotFoundException(name.value()));
            precondition.check(current.version());
            plans.remove(name);
            audit.planDeleted(caller, current);
            return null;
        });
    }
}
