package dev.daap.adapters.http.access;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.application.access.CreateApiKeyCommand;
import dev.daap.application.access.IssuedApiKey;
import dev.daap.domain.access.Principal;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /v1/teams/{slug}/api-keys}, for the team's admins and platform admins; {@code /v1/api-keys}, the platform
 * admin keys, for platform admins; and {@code /v1/me}, which tells any caller who its key is. The create response
 * holds a token, so no cache may keep it.
 */
public final class ApiKeyHandler {
    private final AccessUseCases useCases;
    private final JsonCodec json;
    private final RequestBodies bodies;

    public ApiKeyHandler(AccessUseCases useCases, JsonCodec json, RequestBodies bodies) {
        this.useCases = useCases;
        this.json = json;
        this.bodies = bodies;
    }

    public void create(Context ctx) {
        String team = PathIds.teamSlug(ctx).value();
        issue(ctx, request(ctx).toCommand(team));
    }

    public void createPlatform(Context ctx) {
        issue(ctx, request(ctx).toPlatformCommand());
    }

    public void listPlatform(Context ctx) {
        json.respond(
                ctx,
                200,
                ApiKeyResponse.ListResponse.from(useCases.listPlatformKeys().execute(Callers.principalOf(ctx))));
    }

    public void revokePlatform(Context ctx) {
        json.respond(
                ctx,
                200,
                ApiKeyResponse.from(useCases.revokePlatformKey().execute(Callers.of(ctx), PathIds.keyId(ctx))));
    }

    private ApiKeyRequest request(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        return json.read(bodies.read(ctx, List.of(JsonCodec.JSON)), ApiKeyRequest.class);
    }

    private void issue(Context ctx, CreateApiKeyCommand command) {
        IssuedApiKey issued = useCases.createApiKey().execute(Callers.of(ctx), command);
        ctx.header("Location", ctx.path() + "/" + issued.key().id());
        json.respond(ctx, 201, ApiKeyResponse.Created.from(issued));
    }

    public void list(Context ctx) {
        json.respond(
                ctx,
                200,
                ApiKeyResponse.ListResponse.from(
                        useCases.listApiKeys().execute(Callers.principalOf(ctx), PathIds.teamSlug(ctx))));
    }

    /** 200 with the revoked key; revoking it again answers the same. */
    public void revoke(Context ctx) {
        json.respond(
                ctx,
                200,
                ApiKeyResponse.from(
                        useCases.revokeApiKey().execute(Callers.of(ctx), PathIds.teamSlug(ctx), PathIds.keyId(ctx))));
    }

    public void me(Context ctx) {
        Principal principal = Callers.principalOf(ctx);
        json.respond(
                ctx,
                200,
                new MeResponse(
                        principal.keyId().toString(),
                        principal.team() == null ? null : principal.team().value(),
                        principal.role().wireName()));
    }

    /** Who the caller's key is: {@code team} is null for a platform admin. */
    record MeResponse(String keyId, String team, String role) {}
}
