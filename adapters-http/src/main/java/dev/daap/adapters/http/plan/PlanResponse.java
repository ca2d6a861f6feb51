package dev.daap.adapters.http.plan;

import dev.daap.domain.plan.Plan;
import java.time.Instant;
import java.util.List;

/**
 * A plan as the API shows it; amounts as decimal strings in the installation's {@code currency}. JSON names the flag
 * {@code default}, a Java keyword.
 */
public record PlanResponse(
        String name,
        String description,
        int maxConnections,
        long storageLimitBytes,
        long includedStorageBytes,
        String pricePerMonth,
        String pricePerGbMonth,
        String currency,

        @com.fasterxml.jackson.annotation.JsonProperty("default")
        boolean isDefault,

        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static PlanResponse from(Plan plan, String currency) {
        return new PlanResponse(
                plan.name().value(),
                plan.description(),
                plan.maxConnections(),
                plan.storageLimitBytes(),
                plan.includedStorageBytes(),
                Amounts.text(plan.pricePerMonth()),
                Amounts.text(plan.pricePerGbMonth()),
                currency,
                plan.isDefault(),
                plan.createdAt(),
                plan.updatedAt(),
                plan.version());
    }

    /** {@code GET /v1/plans}: the whole catalog, by name (it holds at most 100 plans). */
    public record ListResponse(List<PlanResponse> items) {
        public static ListResponse from(List<Plan> plans, String currency) {
            return new ListResponse(plans.stream()
                    .map(plan -> PlanResponse.from(plan, currency))
                    .toList());
        }
    }
}
