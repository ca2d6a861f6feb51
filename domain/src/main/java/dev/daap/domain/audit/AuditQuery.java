package dev.daap.domain.audit;

import dev.daap.domain.common.PageToken;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A filtered page request over the audit log, newest first. Entries are ordered by id, a UUID v7 that grows
 * with time, so the page position is just the last id seen.
 *
 * @param from inclusive lower bound of occurred_at
 * @param to   exclusive upper bound of occurred_at
 */
public record AuditQuery(
        Optional<TeamSlug> team,
        Optional<String> resourceType,
        Optional<String> resourceId,
        Optional<UUID> actorKeyId,
        Optional<String> action,
        Optional<Instant> from,
        Optional<Instant> to,
        int pageSize,
        Optional<UUID> before) {
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 500;
    private static final String TOKEN_KIND = "audit";

    public AuditQuery {
        team = team == null ? Optional.empty() : team;
        resourceType = resourceType == null ? Optional.empty() : resourceType;
        resourceId = resourceId == null ? Optional.empty() : resourceId;
        actorKeyId = actorKeyId == null ? Optional.empty() : actorKeyId;
        action = action == null ? Optional.empty() : action;
        from = from == null ? Optional.empty() : from;
        to = to == null ? Optional.empty() : to;
        before = before == null ? Optional.empty() : before;
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** Everything, newest first. */
    public static AuditQuery all(int pageSize) {
        return new AuditQuery(null, null, null, null, null, null, null, pageSize, null);
    }

    public AuditQuery withTeam(TeamSlug value) {
        return new AuditQuery(
                Optional.of(value), resourceType, resourceId, actorKeyId, action, from, to, pageSize, before);
    }

    /** The same filters from the newest entry, in pages of {@code size}. */
    public AuditQuery fromNewest(int size) {
        return new AuditQuery(team, resourceType, resourceId, actorKeyId, action, from, to, size, Optional.empty());
    }

    public AuditQuery withBefore(UUID value) {
        return new AuditQuery(
                team, resourceType, resourceId, actorKeyId, action, from, to, pageSize, Optional.of(value));
    }

    /** The token of the page after the one that ended with {@code last}. */
    public static PageToken tokenAfter(AuditEvent last) {
        return PageToken.forPosition(TOKEN_KIND, last.id().toString());
    }

    /** The id a token continues after; throws {@link IllegalArgumentException} for a token that is not ours. */
    public static UUID positionOf(PageToken token) {
        String position = token.positionIn(TOKEN_KIND, "the audit log");
        try {
            return UUID.fromString(position);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a page token returned by this API");
        }
    }
}
