package dev.daap.adapters.http.audit;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.application.audit.ListAuditEvents;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.team.TeamSlug;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** {@code GET /v1/audit-events}: filters by resource, actor, action and time; newest first; keyset pages. */
public final class AuditHandler {
    private static final List<String> PARAMETERS =
            List.of("team", "resource_type", "resource_id", "actor", "action", "from", "to", "page_size", "page_token");

    private final ListAuditEvents listAuditEvents;
    private final JsonCodec json;

    public AuditHandler(ListAuditEvents listAuditEvents, JsonCodec json) {
        this.listAuditEvents = listAuditEvents;
        this.json = json;
    }

    public void list(Context ctx) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        var query = new AuditQuery(
                parameters.parsed("team", TeamSlug::new),
                parameters.parsed("resource_type", AuditHandler::text),
                parameters.parsed("resource_id", AuditHandler::text),
                parameters.parsed("actor", AuditHandler::uuid),
                parameters.parsed("action", AuditHandler::text),
                parameters.parsed("from", AuditHandler::instant),
                parameters.parsed("to", AuditHandler::instant),
                parameters.pageSize(AuditQuery.DEFAULT_PAGE_SIZE, AuditQuery.MAX_PAGE_SIZE),
                parameters.pageToken(AuditQuery::positionOf));
        parameters.throwIfInvalid();
        json.respond(
                ctx,
                200,
                AuditEventResponse.PageResponse.from(listAuditEvents.execute(Callers.principalOf(ctx), query)));
    }

    private static String text(String raw) {
        if (raw.isBlank() || raw.length() > 200) {
            throw new IllegalArgumentException("must be 1 to 200 characters long");
        }
        return raw;
    }

    private static UUID uuid(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be an API key id (a UUID)");
        }
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an RFC 3339 time such as 2026-11-25T00:00:00Z");
        }
    }
}
