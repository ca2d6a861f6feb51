package dev.daap.adapters.http.team;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.daap.adapters.http.plan.Amounts;
import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.domain.common.Validation;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.team.MonthlyBudget;
import dev.daap.domain.team.Team;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of {@code PATCH /v1/teams/{slug}}: a merge patch of {@code max_databases} (a whole number, or null for the
 * installation's quota) and {@code monthly_budget} ({@code {"amount": "500.00", "currency": "EUR"}}, or null for
 * none). Absent members stay as they are.
 */
record TeamPatchRequest(Optional<Optional<Integer>> maxDatabases, Optional<Optional<MonthlyBudget>> monthlyBudget) {

    static TeamPatchRequest from(ObjectNode body) {
        List<FieldError> wrongTypes = new ArrayList<>();
        var rules = new Validation();
        Optional<Optional<Integer>> maxDatabases = Optional.empty();
        Optional<Optional<MonthlyBudget>> budget = Optional.empty();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            switch (name) {
                case "max_databases" -> {
                    if (value.isNull()) {
                        maxDatabases = Optional.of(Optional.empty());
                    } else if (value.canConvertToLong()) {
                        maxDatabases = Optional.of(Optional.ofNullable(
                                rules.field(name, () -> Team.checkMaxDatabases(value.longValue()))));
                    } else {
                        wrongTypes.add(new FieldError(name, "must be a whole number or null"));
                    }
                }
                case "monthly_budget" -> {
                    if (value.isNull()) {
                        budget = Optional.of(Optional.empty());
                    } else if (value.isObject()
                            && textOrAbsent(value, "amount")
                            && textOrAbsent(value, "currency")
                            && value.size() == (value.has("amount") ? 1 : 0) + (value.has("currency") ? 1 : 0)) {
                        budget = Optional.of(Optional.ofNullable(rules.field(
                                name,
                                () -> new MonthlyBudget(
                                        Amounts.parse(text(value, "amount")), text(value, "currency")))));
                    } else {
                        wrongTypes.add(new FieldError(
                                name, "must be an object {\"amount\": \"…\", \"currency\": \"…\"} or null"));
                    }
                }
                case "slug", "display_name", "created_at" -> rules.fail(name, "cannot be changed");
                default -> wrongTypes.add(new FieldError(name, "is not a known field"));
            }
        }
        if (!wrongTypes.isEmpty()) {
            throw HttpProblemException.malformed(
                    "the merge patch has unknown members or members of the wrong JSON type", wrongTypes);
        }
        rules.throwIfInvalid();
        return new TeamPatchRequest(maxDatabases, budget);
    }

    private static boolean textOrAbsent(JsonNode object, String member) {
        return !object.has(member) || object.get(member).isTextual();
    }

    private static String text(JsonNode object, String member) {
        return object.has(member) ? object.get(member).textValue() : null;
    }
}
