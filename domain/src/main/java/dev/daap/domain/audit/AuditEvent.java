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
 * @param actorKeyId   the API key that acted; null when DAAP itself or an operator at the command line acted
 * @param actorTeam    the acting key's team; null for a platform admin, DAAP itself or the command line
 * @param actorKind    who acted: an API key (then {@code actorKeyId} names it), DAAP itself, or the command line
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
        ActorKind actorKind,
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
        Objects.requireNonNull(actorKind, "actorKind");
        if ((actorKind == ActorKind.API_KEY) != (actorKeyId != null)) {
            throw new IllegalArgumentException("an API key actor names its key; DAAP and the command line have none");
        }
        requestId = requestId == null ? "" : requestId;
        clientAddress = clientAddress == null ? "" : clientAddress;
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    /** An entry whose actor is its key, or DAAP itself when it has none (as entries written before the kind was). */
    public AuditEvent(
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
        this(
                id,
                occurredAt,
                actorKeyId,
                actorTeam,
                actorKeyId != null ? ActorKind.API_KEY : ActorKind.DAAP,
                action,
                resourceType,
                resourceId,
                team,
                requestId,
                clientAddress,
                before,
                after);
    }
}
