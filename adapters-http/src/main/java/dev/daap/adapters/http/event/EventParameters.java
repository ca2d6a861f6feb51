package dev.daap.adapters.http.event;

import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.application.event.EventQuery;
import dev.daap.domain.error.InvalidInputException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Set;

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
        var parameters = QueryParameters.of(ctx.queryParamMap(), KNOWN, Set.of("type"));
        String format = parameters.single("format").orElse(null);
        boolean json = "json".equals(format);
        if (format != null && !json && !"sse".equals(format)) {
            parameters.fail("format", "must be json (a page) or sse (a stream, the default)");
        }
        if (!json && parameters.has("limit")) {
            parameters.fail("limit", "applies only to format=json; a stream has no end");
        }
        String lastEventId = ctx.header(LAST_EVENT_ID);
        boolean fromHeader = lastEventId != null && !lastEventId.isBlank();
        EventQuery query = null;
        try {
            query = EventQuery.of(
                    parameters.has("type") ? parameters.all("type") : null,
                    parameters.single("resource_id").orElse(null),
                    fromHeader ? LAST_EVENT_ID : "after",
                    fromHeader
                            ? lastEventId.strip()
                            : parameters.single("after").orElse(null),
                    parameters.single("limit").orElse(null));
        } catch (InvalidInputException e) {
            parameters.report(e.errors()); // every mistake at once
        }
        parameters.throwIfInvalid();
        return new EventParameters(query, json);
    }
}
