package dev.daap.adapters.http.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.domain.common.Validation;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body of {@code PATCH /v1/plans/{name}}: a JSON merge patch whose members all take a value (none is optional,
 * so null is a 422). An unknown member or one of the wrong JSON type is a 400; {@code name} and the read-only ones
 * a 422.
 */
final class PlanPatchRequest {
    private static final Set<String> WHOLE_NUMBERS =
            Set.of("max_connections", "storage_limit_bytes", "included_storage_bytes");
    private static final Set<String> TEXT = Set.of("description", "price_per_month", "price_per_gb_month");
    private static final Set<String> READ_ONLY = Set.of("currency", "created_at", "updated_at", "version");

    private PlanPatchRequest() {}

    static PlanChanges from(ObjectNode body) {
        List<FieldError> wrongTypes = new ArrayList<>();
        var rules = new Validation();
        Optional<String> description = Optional.empty();
        Optional<Integer> connections = Optional.empty();
        Optional<Long> limit = Optional.empty();
        Optional<Long> included = Optional.empty();
        Optional<java.math.BigDecimal> price = Optional.empty();
        Optional<java.math.BigDecimal> perGb = Optional.empty();
        Optional<Boolean> isDefault = Optional.empty();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("name")) {
                rules.fail(name, "is immutable; create a new plan to use another name");
            } else if (READ_ONLY.contains(name)) {
                rules.fail(name, "is read-only");
            } else if (value.isNull()) {
                rules.fail(name, "cannot be null");
            } else if (WHOLE_NUMBERS.contains(name) && !value.canConvertToLong()) {
                wrongTypes.add(new FieldError(name, "must be a whole number"));
            } else if (TEXT.contains(name) && !value.isTextual()) {
                wrongTypes.add(new FieldError(name, "must be a string"));
            } else if (name.equals("default") && !value.isBoolean()) {
                wrongTypes.add(new FieldError(name, "must be a boolean"));
            } else {
                switch (name) {
                    case "description" ->
                        description =
                                Optional.ofNullable(rules.field(name, () -> Plan.checkDescription(value.textValue())));
                    case "max_connections" ->
                        connections = Optional.ofNullable(
                                rules.field(name, () -> Plan.checkMaxConnections(value.longValue())));
                    case "storage_limit_bytes" ->
                        limit = Optional.ofNullable(rules.field(name, () -> Plan.checkStorageLimit(value.longValue())));
                    case "included_storage_bytes" ->
                        included = Optional.ofNullable(
                                rules.field(name, () -> Plan.checkIncludedStorage(value.longValue())));
                    case "price_per_month" ->
                        price = Optional.ofNullable(rules.field(
                                name, () -> Plan.checkPrice(Amounts.parse(value.textValue()), Plan.PRICE_SCALE)));
                    case "price_per_gb_month" ->
                        perGb = Optional.ofNullable(rules.field(
                                name,
                                () -> Plan.checkPrice(Amounts.parse(value.textValue()), Plan.PRICE_PER_GB_SCALE)));
                    case "default" -> isDefault = Optional.of(value.booleanValue());
                    default -> wrongTypes.add(new FieldError(name, "is not a known field"));
                }
            }
        }
        if (!wrongTypes.isEmpty()) {
            throw HttpProblemException.malformed(
                    "the merge patch has unknown members or members of the wrong JSON type", wrongTypes);
        }
        rules.throwIfInvalid();
        return new PlanChanges(description, connections, limit, included, price, perGb, isDefault);
    }
}
