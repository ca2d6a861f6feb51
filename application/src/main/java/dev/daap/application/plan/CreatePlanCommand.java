package dev.daap.application.plan;

import dev.daap.domain.common.Validation;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import java.math.BigDecimal;
import java.time.Instant;

/** A validated new plan; {@link #of} reports every bad field at once. */
public record CreatePlanCommand(
        PlanName name,
        String description,
        int maxConnections,
        long storageLimitBytes,
        long includedStorageBytes,
        BigDecimal pricePerMonth,
        BigDecimal pricePerGbMonth,
        boolean isDefault) {

    /** Null for a required value is an error; description defaults to empty, default to false. */
    public static CreatePlanCommand of(
            String name,
            String description,
            Long maxConnections,
            Long storageLimitBytes,
            Long includedStorageBytes,
            BigDecimal pricePerMonth,
            BigDecimal pricePerGbMonth,
            Boolean isDefault) {
        var validation = new Validation();
        var validName = validation.field("name", () -> new PlanName(name));
        var validDescription =
                validation.field("description", () -> Plan.checkDescription(description == null ? "" : description));
        var connections = validation.field("max_connections", () -> Plan.checkMaxConnections(required(maxConnections)));
        var limit = validation.field("storage_limit_bytes", () -> Plan.checkStorageLimit(required(storageLimitBytes)));
        var included = validation.field(
                "included_storage_bytes",
                () -> Plan.checkIncludedStorage(includedStorageBytes == null ? 0 : includedStorageBytes));
        var price = validation.field("price_per_month", () -> Plan.checkPrice(pricePerMonth, Plan.PRICE_SCALE));
        var perGb = validation.field(
                "price_per_gb_month",
                () -> Plan.checkPrice(
                        pricePerGbMonth == null ? BigDecimal.ZERO : pricePerGbMonth, Plan.PRICE_PER_GB_SCALE));
        if (limit != null && included != null && included > limit) {
            validation.fail("included_storage_bytes", "must not exceed storage_limit_bytes");
        }
        validation.throwIfInvalid();
        return new CreatePlanCommand(
                validName,
                validDescription,
                connections,
                limit,
                included,
                price,
                perGb,
                Boolean.TRUE.equals(isDefault));
    }

    Plan toPlan(Instant now) {
        return Plan.create(
                name,
                description,
                maxConnections,
                storageLimitBytes,
                includedStorageBytes,
                pricePerMonth,
                pricePerGbMonth,
                isDefault,
                now);
    }

    private static long required(Long value) {
        if (value == null) {
            throw new IllegalArgumentException("is required");
        }
        return value;
    }
}
