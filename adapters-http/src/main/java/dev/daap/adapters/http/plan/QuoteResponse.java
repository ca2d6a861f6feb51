package dev.daap.adapters.http.plan;

import dev.daap.domain.plan.Quote;

/**
 * The answer of a dry run ({@code ?dry_run=true}): what the request would add to its team's spend this month.
 * Amounts are decimal strings in {@code currency}; {@code budget} and {@code budget_left} are null without a budget.
 */
public record QuoteResponse(
        String monthlyPrice,
        String thisRequest,
        String projectedWithout,
        String projectedWith,
        String budget,
        String budgetLeft,
        String currency) {

    public static QuoteResponse from(Quote quote) {
        return new QuoteResponse(
                Amounts.text(quote.monthlyPrice()),
                Amounts.text(quote.thisRequest()),
                Amounts.text(quote.projectedWithout()),
                Amounts.text(quote.projectedWith()),
                Amounts.text(quote.budget()),
                Amounts.text(quote.budgetLeft()),
                quote.currency());
    }
}
