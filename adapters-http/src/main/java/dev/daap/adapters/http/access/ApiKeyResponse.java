package dev.daap.adapters.http.access;

import dev.daap.application.access.IssuedApiKey;
import dev.daap.domain.access.ApiKey;
import java.time.Instant;
import java.util.List;

/** An API key as lists show it: never its token, nor the token's hash. */
public record ApiKeyResponse(
        String id,
        String team,
        String role,
        String prefix,
        String description,
        Instant createdAt,
        Instant lastUsedAt,
        Instant expiresAt,
        Instant revokedAt) {
    public static ApiKeyResponse from(ApiKey key) {
        return new ApiKeyResponse(
                key.id().toString(),
                key.team() == null ? null : key.team().value(),
                key.role().wireName(),
                key.prefix(),
                key.description(),
                key.createdAt(),
                key.lastUsedAt(),
                key.expiresAt(),
                key.revokedAt());
    }

    /** {@code GET /v1/teams/{slug}/api-keys}: a team has few keys, so one page. */
    public record ListResponse(List<ApiKeyResponse> items) {
        public static ListResponse from(List<ApiKey> keys) {
            return new ListResponse(keys.stream().map(ApiKeyResponse::from).toList());
        }
    }

    /** The answer to creating a key: the only response that ever holds its token. */
    public record Created(
            String id,
            String token,
            String prefix,
            String role,
            String team,
            String description,
            Instant createdAt,
            Instant expiresAt) {
        public static Created from(IssuedApiKey issued) {
            ApiKey key = issued.key();
            return new Created(
                    key.id().toString(),
                    issued.token(),
                    key.prefix(),
                    key.role().wireName(),
                    key.team() == null ? null : key.team().value(),
                    key.description(),
                    key.createdAt(),
                    key.expiresAt());
        }
    }
}
