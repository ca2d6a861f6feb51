package dev.daap.adapters.http.database;

import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.application.database.ListDatabasesQuery;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The query parameters of {@code GET /v1/databases}. An unknown or repeated parameter is an input error, so a typo
 * such as {@code ownerteam} fails loudly instead of silently listing everything.
 */
final class DatabaseListParameters {
    private static final List<String> KNOWN = List.of(
            "owner_team",
            "status",
            "q",
            "name",
            "label",
            "search",
            "include_deleted",
            "cluster",
            "sort",
            "page_size",
            "page_token");
    private static final String LABEL = "label";

    private DatabaseListParameters() {}

    static DatabaseQuery toQuery(Map<String, List<String>> raw) {
        return toQuery(raw, false);
    }

    /** @param export every matching row rather than a page: page_size and page_token do not apply */
    static DatabaseQuery toQuery(Map<String, List<String>> raw, boolean export) {
        var parameters = QueryParameters.of(raw, KNOWN, Set.of(LABEL));
        if (export) {
            for (String paging : List.of("page_size", "page_token")) {
                if (parameters.has(paging)) {
                    parameters.fail(paging, "does not apply to an export, which has every matching row");
                }
            }
        }
        DatabaseQuery query = null;
        try {
            query = ListDatabasesQuery.of(new ListDatabasesQuery.Parameters(
                    value(parameters, "owner_team"),
                    value(parameters, "status"),
                    value(parameters, "q"),
                    value(parameters, "name"),
                    parameters.all(LABEL),
                    value(parameters, "search"),
                    value(parameters, "include_deleted"),
                    value(parameters, "sort"),
                    export ? null : value(parameters, "page_size"),
                    export ? null : value(parameters, "page_token"),
                    value(parameters, "cluster")));
        } catch (InvalidInputException e) {
            parameters.report(e.errors()); // every mistake at once
        }
        parameters.throwIfInvalid();
        return query;
    }

    private static String value(QueryParameters parameters, String name) {
        return parameters.single(name).orElse(null);
    }
}
