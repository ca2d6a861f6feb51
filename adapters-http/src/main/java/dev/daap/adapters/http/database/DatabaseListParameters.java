package dev.daap.adapters.http.database;

import dev.daap.application.database.ListDatabasesQuery;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code GET /v1/databases}. An unknown or repeated parameter is an input error, so a typo
 * such as {@code ownerteam} fails loudly instead of silently listing everything.
 */
final class DatabaseListParameters {
    private static final List<String> KNOWN = List.of("owner_team", "status", "q", "sort", "page_size", "page_token");
    private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);

    private DatabaseListParameters() {
    }

    static DatabaseQuery toQuery(Map<String, List<String>> parameters) {
        List<FieldError> errors = parameterErrors(parameters);
        DatabaseQuery query;
        try {
            query = ListDatabasesQuery.of(single(parameters, "owner_team"), single(parameters, "status"),
                    single(parameters, "q"), single(parameters, "sort"), single(parameters, "page_size"),
                    single(parameters, "page_token"));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors()); // report every mistake at once
            throw new InvalidInputException(errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return query;
    }

    private static List<FieldError> parameterErrors(Map<String, List<String>> parameters) {
        List<FieldError> errors = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!KNOWN_SET.contains(name)) {
                errors.add(new FieldError(name, "is not a known query parameter; use " + String.join(", ", KNOWN)));
            } else if (values.size() > 1) {
                errors.add(new FieldError(name, "must be given at most once"));
            }
        });
        return errors;
    }

    /** The one value of a parameter; null when absent, and when repeated (already reported as an error). */
    private static String single(Map<String, List<String>> parameters, String name) {
        List<String> values = parameters.get(name);
        return values == null || values.size() != 1 ? null : values.getFirst();
    }
}
