package dev.daap.adapters.http.plan;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.daap.application.plan.CreatePlanCommand;
import dev.daap.domain.common.Validation;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The body of {@code POST /v1/plans}; amounts are decimal strings, {@code currency} (if given) the installation's. */
public record PlanRequest(
        String name,
        String description,
        Long maxConnections,
        Long storageLimitBytes,
        Long includedStorageBytes,
        String pricePerMonth,
        String pricePerGbMonth,
        String currency,
        @JsonProperty("default") Boolean isDefault) {

    public CreatePlanCommand toCommand(String installationCurrency) {
        var validation = new Validation();
        BigDecimal price = validation.field("price_per_month", () -> Amounts.parse(pricePerMonth));
        BigDecimal perGb = validation.field("price_per_gb_month", () -> Amounts.parse(pricePerGbMonth));
        if (currency != null && !currency.equals(installationCurrency)) {
            validation.fail("currency", "must be " + installationCurrency + ", the currency of this installation");
        }
        List<FieldError> errors = new ArrayList<>();
        try {
            validation.throwIfInvalid();
        } catch (InvalidInputException own) {
            errors.addAll(own.errors());
        }
        try {
            CreatePlanCommand command = CreatePlanCommand.of(
                    name,
                    description,
                    maxConnections,
                    storageLimitBytes,
                    includedStorageBytes,
                    price,
                    perGb,
                    isDefault);
            if (errors.isEmpty()) {
                return command;
            }
        } catch (InvalidInputException invalid) {
            // Every bad field at once; an amount that did not parse is not reported again as missing.
            invalid.errors().stream()
                    .filter(error ->
                            errors.stream().noneMatch(mine -> mine.field().equals(error.field())))
                    .forEach(errors::add);
        }
        throw new InvalidInputException(errors);
    }
}
