package dev.daap.adapters.http.version;

import dev.daap.adapters.http.protocol.JsonCodec;
import io.javalin.http.Context;

/**
 * {@code GET /v1/version}, for any valid API key. Public so that the management port can serve the same answer
 * without a key.
 */
public final class VersionHandler {
    private final VersionSource source;
    private final JsonCodec json;

    public VersionHandler(VersionSource source, JsonCodec json) {
        this.source = source;
        this.json = json;
    }

    public void get(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, source.current());
    }
}
