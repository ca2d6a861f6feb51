package dev.daap.adapters.http.credential;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.application.credential.ReadCredentials;
import dev.daap.application.credential.RotateCredentials;
import io.javalin.http.Context;

/**
 * {@code /v1/databases/{id}/credentials}: the password of a ready database, read or rotated. Responses carry a
 * password, so no cache (browser or proxy) may keep them; the header goes on first, so it is there whatever the
 * outcome.
 */
public final class CredentialHandler {
    private final ReadCredentials read;
    private final RotateCredentials rotate;
    private final JsonCodec json;

    public CredentialHandler(ReadCredentials read, RotateCredentials rotate, JsonCodec json) {
        this.read = read;
        this.rotate = rotate;
        this.json = json;
    }

    public void read(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, CredentialsResponse.from(read.execute(Callers.of(ctx), PathIds.databaseId(ctx))));
    }

    public void rotate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(ctx, 200, CredentialsResponse.from(rotate.execute(Callers.of(ctx), PathIds.databaseId(ctx))));
    }
}
