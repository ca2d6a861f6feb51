package dev.daap.domain.plan;

import java.math.BigDecimal;
import java.util.Optional;

/** What a platform admin changes on a plan; an empty field is left as it is. The name is immutable. */
public record PlanChanges(
        Optional<String> description,
        Optional<Integer> maxConnections,
        Optional<Long> storageLimitBytes,
        Optional<Long> includedStorageBytes,
        Optional<BigDecimal> pricePerMonth,
        Optional<BigDecimal> pricePerGbMonth,
        Optional<Boolean> isDefault) {
    /** Both prices zero: what a plan that is gone costs. */
    public static final PlanChanges FREE =
            new PlanChanges(null, null, null, null, Optional.of(BigDecimal.ZERO), Optional.of(BigDecimal.ZERO), null);

    public PlanChanges {
        description = description == null ? Optional.empty() : description;
        maxConnections = maxConnections == null ? Optional.empty() : maxConnections;
        storageLimitBytes = storageLimitBytes == null ? Optional.empty() : storageLimitBytes;
        includedStorageBytes = includedStorageBytes == null ? Optional.empty() : includedStorageBytes;
        pricePerMonth = pricePerMonth == null ? Optional.empty() : pricePerMonth;
        pricePerGbMonth = pricePerGbMonth == null ? Optional.empty() : pricePerGbMonth;
        isDefault = isDefault == null ? Optional.empty() : isDefault;
    }

    public boolean changesNothing() {
        return description.isEmpty()
                && maxConnections.isEmpty()
                && storageLimitBytes.isEmpty()
                && includedStorageBytes.isEmpty()
                && pricePerMonth.isEmpty()
                && pricePerGbMonth.isEmpty()
                && isDefault.isEmpty();
    }
}
