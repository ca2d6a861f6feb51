package dev.daap.adapters.http.database;

import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.application.database.ListDatabasesQuery;
import dev.daap.domain.database.DatabaseQuery;
import dev.daap.domain.error.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * The query parameters of {@code GET /v1/databases}. An unknown or repeated parameter is an input error, so a typo
 * such as {@code ownerteam} fails loudly instead of silently listing everything.
 */
final class DatabaseListParameters {
    private static final List<String> KNOWN =
            List.of("owner_team", "status", "q", "sort", "page_size", "page_token", "include_deleted");

    private DatabaseListParameters() {}

    static DatabaseQuery toQuery(Map<String, List<String>> raw) {
        var parameters = QueryParameters.of(raw, KNOWN);
        DatabaseQuery query = null;
        try {
            query = ListDatabasesQuery.of(
                    value(parameters, "owner_team"),
                    value(parameters, "status"),
                    value(parameters, "q"),
                    value(parameters, "sort"),
                    value(parameters, "page_size"),
                    value(parameters, "page_token"),
                    value(parameters, "include_deleted"));
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
