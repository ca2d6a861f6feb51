package dev.daap.domain.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a request that adds cost would do to its team's spend this month. Amounts in {@code currency}, cents.
 *
 * @param monthlyPrice     what the new item costs a whole month
 * @param thisRequest      what it adds this month: from now until the month ends
 * @param projectedWithout the team's spend this month so far plus what it runs until the month ends
 * @param projectedWith    the same with this request
 * @param budget           the team's monthly budget; null: none
 * @param budgetLeft       budget minus projectedWith (negative: over); null without a budget
 */
public record Quote(
        BigDecimal monthlyPrice,
        BigDecimal thisRequest,
        BigDecimal projectedWithout,
        BigDecimal projectedWith,
        BigDecimal budget,
        BigDecimal budgetLeft,
        String currency) {
    public Quote {
        Objects.requireNonNull(monthlyPrice, "monthlyPrice");
        Objects.requireNonNull(thisRequest, "thisRequest");
        Objects.requireNonNull(projectedWithout, "projectedWithout");
        Objects.requireNonNull(projectedWith, "projectedWith");
        Objects.requireNonNull(currency, "currency");
    }

    /** Over the budget: the request is refused. Exactly at it is admitted. */
    public boolean overBudget() {
        return budget != null && projectedWith.compareTo(budget) > 0;
    }
}
