package dev.daap.adapters.http.protocol;

import io.javalin.http.Context;

/**
 * Who sends a request, as far as per-caller state (such as idempotency keys) is concerned. There is no
 * authentication yet, so every request is the same caller; when API keys arrive, this is the one place that
 * changes to name the key's owner.
 */
public final class Callers {
    public static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    public static String callerOf(Context ctx) {
        return ANONYMOUS;
    }
}
