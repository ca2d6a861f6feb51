package dev.daap.domain.team;

import java.math.BigDecimal;

/** What a team may spend in a calendar month (UTC), in the installation's currency (ISO 4217 code); cents. */
public record MonthlyBudget(BigDecimal amount, String currency) {
    private static final int SCALE = 2;
    private static final BigDecimal MAX = new BigDecimal("1000000000000");

    public MonthlyBudget {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (amount.signum() < 0 || amount.compareTo(MAX) >= 0) {
            throw new IllegalArgumentException("amount must be from 0 to below " + MAX.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > SCALE) {
            throw new IllegalArgumentException("amount must have at most " + SCALE + " decimal places");
        }
        amount = amount.setScale(SCALE);
        checkCurrency(currency);
    }

    /** Three capital letters, as ISO 4217 codes are. */
    public static String checkCurrency(String value) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR");
        }
        return value;
    }
}
