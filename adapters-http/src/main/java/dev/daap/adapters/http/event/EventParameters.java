package dev.daap.adapters.http.event;

import dev.daap.application.event.EventQuery;
import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The query of {@code GET /v1/events}. {@code type} may repeat (and each may be a comma list); any other unknown or
 * repeated parameter is an input error, as everywhere in the API. The resume position comes from the
 * {@code Last-Event-ID} header before {@code after}: a browser's EventSource reconnects to the URL it first opened,
 * {@code after} and all, and says in the header how far it really got.
 */
record EventParameters(EventQuery query, boolean json) {
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final List<String> KNOWN = List.of("type", "resource_id", "after", "limit", "format");

    static EventParameters from(Context ctx) {
        Map<String, List<String>> parameters = ctx.queryParamMap();
        List<FieldError> errors = parameterErrors(parameters);
        String format = single(parameters, "format");
        boolean json = "json".equals(format);
        if (format != null && !json && !"sse".equals(format)) {
            errors.add(new FieldError("format", "must be json (a page) or sse (a stream, the default)"));
        }
        if (!json && parameters.containsKey("limit")) {
            errors.add(new FieldError("limit", "applies only to format=json; a stream has no end"));
        }
        String lastEventId = ctx.header(LAST_EVENT_ID);
        boolean fromHeader = lastEventId != null && !lastEventId.isBlank();
        EventQuery query = null;
        try {
            query = EventQuery.of(parameters.get("type"), single(parameters, "resource_id"),
                    fromHeader ? LAST_EVENT_ID : "after", fromHeader ? lastEventId.strip() : single(parameters, "after"),
                    single(parameters, "limit"));
        } catch (InvalidInputException e) {
            errors.addAll(e.errors()); // report every mistake at once
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new EventParameters(query, json);
    }

    private static List<FieldError> parameterErrors(Map<String, List<String>> parameters) {
        List<FieldError> errors = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!KNOWN.contains(name)) {
                errors.add(new FieldError(name, "is not a known query parameter; use " + String.join(", ", KNOWN)));
            } else if (values.size() > 1 && !name.equals("type")) {
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
