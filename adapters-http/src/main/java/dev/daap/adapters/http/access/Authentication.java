package dev.daap.adapters.http.access;

import dev.daap.adapters.http.observability.RequestTelemetry;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.application.access.Authenticate;
import dev.daap.domain.access.ApiToken;
import dev.daap.domain.access.Caller;
import dev.daap.domain.error.NotAuthenticatedException;
import io.javalin.http.Context;

/**
 * The before-handler of {@code /v1}: every request there needs {@code Authorization: Bearer <token>}. A missing or
 * refused token ends the request with a 401 problem and {@code WWW-Authenticate} (RFC 6750); otherwise the caller
 * is attached to the request for the handlers.
 */
public final class Authentication {
    private static final String BEARER = "bearer ";
    private final Authenticate authenticate;

    public Authentication(Authenticate authenticate) {
        this.authenticate = authenticate;
    }

    public void check(Context ctx) {
        String token = bearerToken(ctx.header("Authorization"));
        var principal = authenticate.execute(token);
        Callers.set(ctx, new Caller(principal, RequestIds.of(ctx), ctx.ip()));
        RequestTelemetry.identify(ctx, principal, ApiToken.parse(token).prefix()); // accepted: the token parses
    }

    /** The token of a Bearer header (the scheme is case-insensitive); null when there is no header. */
    static String bearerToken(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new NotAuthenticatedException("the Authorization header must be \"Bearer <token>\"", true);
        }
        return header.substring(BEARER.length()).strip();
    }
}
