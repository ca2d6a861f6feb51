package dev.daap.application.plan;

import dev.daap.domain.team.MonthlyBudget;

/**
 * @param defaultMaxDatabases live databases a team may have unless it has its own quota (DAAP_TEAM_MAX_DATABASES)
 * @param currency            the installation's one currency, ISO 4217 (DAAP_CURRENCY)
 */
public record AdmissionSettings(int defaultMaxDatabases, String currency) {
    public static final AdmissionSettings DEFAULTS = new AdmissionSettings(100, "EUR");

    public AdmissionSettings {
        if (defaultMaxDatabases < 0) {
            throw new IllegalArgumentException("defaultMaxDatabases must not be negative");
        }
        MonthlyBudget.checkCurrency(currency);
    }
}
