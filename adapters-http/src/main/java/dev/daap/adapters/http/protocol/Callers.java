package dev.daap.adapters.http.protocol;

import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Principal;
import io.javalin.http.Context;

/**
 * The authenticated caller of a request, put there by the authentication before-handler of {@code /v1}. A handler
 * that asks for it on a route outside authentication is a wiring bug, hence an {@link IllegalStateException}.
 */
public final class Callers {
    private static final String ATTRIBUTE = "daap.caller";

    private Callers() {}

    public static void set(Context ctx, Caller caller) {
        ctx.attribute(ATTRIBUTE, caller);
    }

    public static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException(
                    "no authenticated caller on " + ctx.path() + "; the route is not behind authentication");
        }
        return caller;
    }

    public static Principal principalOf(Context ctx) {
        return of(ctx).principal();
    }

    /** Whose idempotency keys a request's key belongs to: the API key's, so two clients never share a key. */
    public static String idempotencyScopeOf(Context ctx) {
        return principalOf(ctx).keyId().toString();
    }
}
