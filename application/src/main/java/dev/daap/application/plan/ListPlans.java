package dev.daap.application.plan;

import dev.daap.domain.access.Principal;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.Plans;
import java.util.List;
import java.util.Objects;

/** The catalog: every key may read it (a team chooses its databases' plans from it). */
public final class ListPlans {
    private final Transactions transactions;
    private final Plans plans;

    public ListPlans(Transactions transactions, Plans plans) {
        this.transactions = transactions;
        this.plans = plans;
    }

    public List<Plan> execute(Principal principal) {
        Objects.requireNonNull(principal, "principal");
        return transactions.inTransaction(plans::list);
    }
}
