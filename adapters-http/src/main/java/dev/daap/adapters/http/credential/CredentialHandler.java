package dev.daap.adapters.http.credential;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.application.credential.ManageCredentials;
import io.javalin.http.Context;

/**
 * {@code /v1/databases/{id}/credentials}: the password of a ready database, read or rotated. Responses carry a
 * password, so no cache (browser or proxy) may keep them; the header goes on first, so it is there whatever the
 * outcome.
 */
public final class CredentialHandler {
    private final ManageCredentials credentials;
    private final JsonCodec json;

    public CredentialHandler(ManageCredentials credentials, JsonCodec json) {
        this.credentials = credentials;
        this.json = json;
    }

    public void read(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, CredentialsResponse.from(credentials.read(Callers.of(ctx), PathIds.databaseId(ctx))));
    }

    public void rotate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, CredentialsResponse.from(credentials.rotate(Callers.of(ctx), PathIds.databaseId(ctx))));
    }
}
