package dev.daap.application.plan;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.QuotaExceededException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.Plans;
import java.time.Clock;

/** A platform admin adds a plan to the catalog (at most {@link Plans#MAX_PLANS}), with its audit entry. */
public final class CreatePlan {
    private final Transactions transactions;
    private final Plans plans;
    private final AuditTrail audit;
    private final Clock clock;

    public CreatePlan(Transactions transactions, Plans plans, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    public Plan execute(Caller caller, CreatePlanCommand command) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "adding a plan");
        return transactions.inTransaction(() -> {
            if (plans.count() >= Plans.MAX_PLANS) {
                throw new QuotaExceededException("the plan catalog holds", Plans.MAX_PLANS);
            }
            Plan plan = command.toPlan(clock.instant());
            plans.add(plan);
            audit.planCreated(caller, plan);
            return plan;
        });
    }
}
