package dev.daap.application.access;

import dev.daap.domain.access.ApiKey;
import dev.daap.domain.access.ApiKeys;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Principal;
import dev.daap.domain.error.NotAuthenticatedException;
import java.time.Clock;
import java.time.Instant;

/**
 * Turns a bearer token into the {@link Principal} it acts as. On every request's path: the key comes from the
 * store's cache, and its use is recorded without a write per request. An unknown token and a wrong secret get the
 * same answer, so a caller cannot probe which prefixes exist.
 */
public final class Authenticate {
    private final ApiKeys keys;
    private final Clock clock;

    public Authenticate(ApiKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /** @param token the bearer token as sent; null when the request had none */
    public Principal execute(String token) {
        if (token == null || token.isBlank()) {
            throw new NotAuthenticatedException(
                    "this endpoint needs an API key: send Authorization: Bearer <token>", false);
        }
        ApiToken parsed;
        try {
            parsed = ApiToken.parse(token.strip());
        } catch (IllegalArgumentException e) {
            throw new NotAuthenticatedException("the bearer token " + e.getMessage(), true);
        }
        ApiKey key = keys.findByPrefix(parsed.prefix())
                .filter(found -> parsed.matches(found.tokenHash()))
                .orElseThrow(() -> new NotAuthenticatedException("the bearer token is not a valid API key", true));
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            throw new NotAuthenticatedException("this API key was revoked at " + key.revokedAt(), true);
        }
        if (!key.isUsableAt(now)) {
            throw new NotAuthenticatedException("this API key expired at " + key.expiresAt(), true);
        }
        keys.recordUse(key.id(), now);
        return key.principal();
    }
}
