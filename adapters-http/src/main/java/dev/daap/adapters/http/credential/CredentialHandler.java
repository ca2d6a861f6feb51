package dev.daap.adapters.http.credential;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.application.user.ReadCredentials;
import dev.daap.application.user.RevokePreviousLogin;
import dev.daap.application.user.RotateCredentials;
import dev.daap.domain.user.UserName;
import io.javalin.http.Context;

/**
 * {@code /v1/databases/{id}/credentials}: the password of a ready database, read or rotated. Responses carry a
 * password, so no cache (browser or proxy) may keep them; the header goes on first, so it is there whatever the
 * outcome.
 */
public final class CredentialHandler {
    private final ReadCredentials read;
    private final RotateCredentials rotate;
    private final RevokePreviousLogin revokePrevious;
    private final JsonCodec json;

    public CredentialHandler(
            ReadCredentials read, RotateCredentials rotate, RevokePreviousLogin revokePrevious, JsonCodec json) {
        this.read = read;
        this.rotate = rotate;
        this.revokePrevious = revokePrevious;
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

    /** The first owner's previous login stops now; 204. */
    public void revokePrevious(Context ctx) {
        revokePrevious.execute(Callers.of(ctx), PathIds.databaseId(ctx), UserName.FIRST_OWNER);
        ctx.status(204);
    }
}
