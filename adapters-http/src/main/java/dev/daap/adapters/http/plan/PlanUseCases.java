package dev.daap.adapters.http.plan;

import dev.daap.application.plan.CreatePlan;
import dev.daap.application.plan.DeletePlan;
import dev.daap.application.plan.GetPlan;
import dev.daap.application.plan.ListPlans;
import dev.daap.application.plan.UpdatePlan;
import dev.daap.application.team.UpdateTeamLimits;
import dev.daap.domain.team.MonthlyBudget;
import java.util.Objects;

/** The use cases behind {@code /v1/plans} and a team's quota and budget; {@code currency} is the installation's. */
public record PlanUseCases(
        ListPlans list,
        GetPlan get,
        CreatePlan create,
        UpdatePlan update,
        DeletePlan delete,
        UpdateTeamLimits updateTeamLimits,
        String currency) {
    public PlanUseCases {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(get, "get");
        Objects.requireNonNull(create, "create");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(delete, "delete");
        Objects.requireNonNull(updateTeamLimits, "updateTeamLimits");
        MonthlyBudget.checkCurrency(currency);
    }
}
