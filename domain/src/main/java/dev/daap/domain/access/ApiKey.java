package dev.daap.domain.access;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A stored API key: never the token itself, only its prefix and hash. A platform admin key has no team.
 *
 * @param expiresAt  null: it never expires
 * @param lastUsedAt null: never used (it is recorded in batches, so it may lag by a minute)
 * @param revokedAt  null: not revoked
 */
public record ApiKey(
        UUID id,
        TeamSlug team,
        Role role,
        String prefix,
        String tokenHash,
        String description,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {
    public static final int MAX_DESCRIPTION_LENGTH = 200;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        description = description == null ? "" : description;
        if ((team == null) != (role == Role.PLATFORM_ADMIN)) {
            throw new IllegalArgumentException("a platform admin key has no team; every other key has one");
        }
    }

    /** A new key for {@code token}. */
    public static ApiKey issue(
            UUID id,
            TeamSlug team,
            Role role,
            ApiToken token,
            String description,
            Instant createdAt,
            Instant expiresAt) {
        return new ApiKey(id, team, role, token.prefix(), token.hash(), description, createdAt, expiresAt, null, null);
    }

    public Optional<TeamSlug> teamSlug() {
        return Optional.ofNullable(team);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKey revoked(Instant at) {
        return new ApiKey(id, team, role, prefix, tokenHash, description, createdAt, expiresAt, lastUsedAt, at);
    }

    public Principal principal() {
        return new Principal(id, team, role);
    }
}
