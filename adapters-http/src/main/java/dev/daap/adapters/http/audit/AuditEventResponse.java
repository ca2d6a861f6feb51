package dev.daap.adapters.http.audit;

import dev.daap.domain.audit.AuditEvent;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An audit entry as {@code GET /v1/audit-events} shows it. */
public record AuditEventResponse(
        String id,
        Instant occurredAt,
        Actor actor,
        String action,
        String resourceType,
        String resourceId,
        String team,
        String requestId,
        String clientAddress,
        Map<String, Object> before,
        Map<String, Object> after) {

    /**
     * Who acted: {@code type} is {@code api_key} (then {@code key_id} and, for a team's key, {@code team} say
     * which), {@code daap} (DAAP itself) or {@code cli} (an operator at DAAP's command line).
     */
    public record Actor(String type, String keyId, String team) {}

    public static AuditEventResponse from(AuditEvent event) {
        return new AuditEventResponse(
                event.id().toString(),
                event.occurredAt(),
                new Actor(event.actorKind().wireName(), text(event.actorKeyId()), text(event.actorTeam())),
                event.action(),
                event.resourceType(),
                event.resourceId(),
                text(event.team()),
                event.requestId(),
                event.clientAddress(),
                event.before(),
                event.after());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** One page, newest first; {@code next_page_token} is null on the last page. */
    public record PageResponse(List<AuditEventResponse> items, String nextPageToken) {
        public static PageResponse from(Page<AuditEvent> page) {
            return new PageResponse(
                    page.items().stream().map(AuditEventResponse::from).toList(),
                    page.next().map(PageToken::value).orElse(null));
        }
    }
}
