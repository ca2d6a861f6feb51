package dev.daap.adapters.http.audit;

import dev.daap.adapters.http.export.ExportFormat;
import dev.daap.adapters.http.export.ExportWriter;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.application.audit.ExportAuditEvents;
import dev.daap.application.audit.ListAuditEvents;
import dev.daap.domain.audit.AuditQuery;
import dev.daap.domain.team.TeamSlug;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code GET /v1/audit-events}: filters by resource, actor, action and time; newest first; keyset pages. */
public final class AuditHandler {
    private static final List<String> PARAMETERS =
            List.of("team", "resource_type", "resource_id", "actor", "action", "from", "to", "page_size", "page_token");

    /** The members of an entry's JSON, as CSV columns; actor, before and after as their JSON text. */
    private static final List<String> EXPORT_COLUMNS = List.of(
            "id",
            "occurred_at",
            "actor",
            "action",
            "resource_type",
            "resource_id",
            "team",
            "request_id",
            "client_address",
            "before",
            "after");

    private final ListAuditEvents listAuditEvents;
    private final ExportAuditEvents exportAuditEvents;
    private final JsonCodec json;

    public AuditHandler(ListAuditEvents listAuditEvents, JsonCodec json) {
        this.listAuditEvents = listAuditEvents;
        this.exportAuditEvents = new ExportAuditEvents(listAuditEvents);
        this.json = json;
    }

    /** A page of JSON, or with {@code Accept: text/csv} or {@code application/x-ndjson} every matching entry. */
    public void list(Context ctx) {
        Optional<ExportFormat> export = ExportFormat.requested(ctx.header("Accept"));
        var parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        if (export.isPresent()) {
            for (String paging : List.of("page_size", "page_token")) {
                if (parameters.has(paging)) {
                    parameters.fail(paging, "does not apply to an export, which has every matching entry");
                }
            }
        }
        var query = new AuditQuery(
                parameters.parsed("team", TeamSlug::new),
                parameters.parsed("resource_type", AuditHandler::text),
                parameters.parsed("resource_id", AuditHandler::text),
                parameters.parsed("actor", AuditHandler::uuid),
                parameters.parsed("action", AuditHandler::text),
                parameters.parsed("from", AuditHandler::instant),
                parameters.parsed("to", AuditHandler::instant),
                export.isPresent()
                        ? AuditQuery.MAX_PAGE_SIZE
                        : parameters.pageSize(AuditQuery.DEFAULT_PAGE_SIZE, AuditQuery.MAX_PAGE_SIZE),
                export.isPresent() ? Optional.empty() : parameters.pageToken(AuditQuery::positionOf));
        parameters.throwIfInvalid();
        if (export.isPresent()) {
            export(ctx, export.get(), query);
            return;
        }
        json.respond(
                ctx,
                200,
                AuditEventResponse.PageResponse.from(listAuditEvents.execute(Callers.principalOf(ctx), query)));
    }

    private void export(Context ctx, ExportFormat format, AuditQuery query) {
        var principal = Callers.principalOf(ctx);
        // Refused before the answer starts (a key without the admin role gets its 403 as a problem, not a stream)
        listAuditEvents.execute(principal, query.fromNewest(1));
        try (var writer = new ExportWriter(ctx, format, EXPORT_COLUMNS, json, "audit-events")) {
            if (!ctx.method().equals(HandlerType.HEAD)) {
                exportAuditEvents.execute(principal, query, entry -> writer.write(AuditEventResponse.from(entry)));
            }
        }
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
