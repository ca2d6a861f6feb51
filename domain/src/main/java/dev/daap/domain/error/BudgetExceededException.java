package dev.daap.domain.error;

import java.math.BigDecimal;

/**
 * The request would take its team's projected spend this month over its monthly budget; nothing was done. Carries
 * the figures (amounts in {@code currency}, cents) so the client sees by how much.
 */
public final class BudgetExceededException extends DomainException {
    private final BigDecimal budget;
    private final BigDecimal projected;
    private final BigDecimal thisRequest;
    private final String currency;

    public BudgetExceededException(BigDecimal budget, BigDecimal projected, BigDecimal thisRequest, String currency) {
        super("this request adds " + thisRequest.toPlainString() + " " + currency
                + " this month: the team's projected spend would be " + projected.toPlainString() + " " + currency
                + ", over its monthly budget of " + budget.toPlainString() + " " + currency);
        this.budget = budget;
        this.projected = projected;
        this.thisRequest = thisRequest;
        this.currency = currency;
    }

    public BigDecimal budget() {
        return budget;
    }

    /** The team's spend this month with the request. */
    public BigDecimal projected() {
        return projected;
    }

    public BigDecimal thisRequest() {
        return thisRequest;
    }

    public String currency() {
        return currency;
    }

    @Override
    public String code() {
        return "budget-exceeded";
    }
}
