package dev.daap.domain.audit;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the audit log: who did what to which resource, when, from where, and the resource before and
 * after. Snapshots are JSON-like maps (strings, numbers, booleans, lists, maps) and never hold a secret.
 *
 * @param actorKeyId   the API key that acted; null when DAAP itself acted (the first admin key at start-up)
 * @param actorTeam    the acting key's team; null for a platform admin or DAAP itself
 * @param action       what happened, {@code <resource>.<verb>}: {@code database.create}, {@code api_key.revoke}, …
 * @param team         the team the resource belongs to, whose admins may read this entry; null for platform ones
 * @param before       the resource before the change; empty when it was created or only read
 * @param after        the resource after the change; empty when nothing changed
 */
public record AuditEvent(
        UUID id,
        Instant occurredAt,
        UUID actorKeyId,
        TeamSlug actorTeam,
        String action,
        String resourceType,
        String resourceId,
        TeamSlug team,
        String requestId,
        String clientAddress,
        Map<String, Object> before,
        Map<String, Object> after) {
    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        requestId = requestId == null ? "" : requestId;
        clientAddress = clientAddress == null ? "" : clientAddress;
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }
}
