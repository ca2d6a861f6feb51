package dev.daap.application.plan;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.PlanNotFoundException;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.plan.Plans;
import java.util.Objects;

/** One plan of the catalog; every key may read it. */
public final class GetPlan {
    private final Transactions transactions;
    private final Plans plans;

    public GetPlan(Transactions transactions, Plans plans) {
        this.transactions = transactions;
        this.plans = plans;
    }

    public Plan execute(Principal principal, PlanName name) {
        Objects.requireNonNull(principal, "principal");
        return transactions.inTransaction(
                () -> plans.find(name).orElseThrow(() -> new PlanNotFoundException(name.value())));
    }
}
