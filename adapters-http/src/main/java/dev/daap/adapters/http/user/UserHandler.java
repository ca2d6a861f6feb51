package dev.daap.adapters.http.user;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.application.user.CreateUserCommand;
import dev.daap.application.user.ListUsers;
import dev.daap.application.user.UserCredentials;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.user.Overlap;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /v1/databases/{id}/users}: the users of a database, their credentials and rotations. Responses that carry a
 * password say {@code Cache-Control: no-store}, set first so it is there whatever the outcome.
 */
public final class UserHandler {
    private static final List<String> BODY_TYPES = List.of(JsonCodec.JSON);

    private final UserUseCases useCases;
    private final JsonCodec json;
    private final RequestBodies bodies;

    public UserHandler(UserUseCases useCases, JsonCodec json, RequestBodies bodies) {
        this.useCases = useCases;
        this.json = json;
        this.bodies = bodies;
    }

    /** {@code {name, access}} → 201 with the user and its credentials. */
    public void create(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        DatabaseId database = PathIds.databaseId(ctx);
        UserRequest request = json.read(bodies.read(ctx, BODY_TYPES), UserRequest.class);
        UserCredentials created = useCases.create()
                .execute(Callers.of(ctx), database, CreateUserCommand.of(request.name(), request.access()));
        ctx.header("Location", ctx.path() + "/" + created.user().name());
        ctx.header("ETag", EntityTags.of(created.user().version()));
        json.respond(ctx, 201, CreatedUserResponse.from(created));
    }

    public void list(Context ctx) {
        json.respond(
                ctx, 200, UserListResponse.from(useCases.list().execute(Callers.of(ctx), PathIds.databaseId(ctx))));
    }

    public void get(Context ctx) {
        respond(ctx, 200, useCases.get().execute(Callers.of(ctx), PathIds.databaseId(ctx), PathIds.userName(ctx)));
    }

    /** 202: a job drops its logins and ends their sessions. */
    public void delete(Context ctx) {
        respond(ctx, 202, useCases.delete().execute(Callers.of(ctx), PathIds.databaseId(ctx), PathIds.userName(ctx)));
    }

    public void readCredentials(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        json.respond(
                ctx,
                200,
                UserCredentialsResponse.from(useCases.readCredentials()
                        .execute(Callers.of(ctx), PathIds.databaseId(ctx), PathIds.userName(ctx))));
    }

    /** The body {@code {overlap}} may be left out: the old password then stops at once. */
    public void rotate(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Overlap overlap = overlap(ctx, json, bodies);
        json.respond(
                ctx,
                200,
                UserCredentialsResponse.from(useCases.rotate()
                        .execute(Callers.of(ctx), PathIds.databaseId(ctx), PathIds.userName(ctx), overlap)));
    }

    /** 200 with the user: its previous login stops now (a job closes it and ends its sessions). */
    public void revokePrevious(Context ctx) {
        respond(
                ctx,
                200,
                useCases.revokePrevious().execute(Callers.of(ctx), PathIds.databaseId(ctx), PathIds.userName(ctx)));
    }

    private void respond(Context ctx, int status, ListUsers.Listed one) {
        var user = one.users().getFirst();
        ctx.header("ETag", EntityTags.of(user.version()));
        json.respond(ctx, status, UserResponse.from(one.database(), user));
    }

    /** The overlap of an optional body {@code {overlap}}; none without a body. */
    public static Overlap overlap(Context ctx, JsonCodec json, RequestBodies bodies) {
        if (ctx.req().getContentLengthLong() <= 0 && ctx.header("Content-Type") == null) {
            return Overlap.NONE;
        }
        String raw =
                json.read(bodies.read(ctx, BODY_TYPES), RotateRequest.class).overlap();
        var validation = new Validation();
        Overlap overlap = validation.field("overlap", () -> Overlap.parse(raw));
        validation.throwIfInvalid();
        return overlap;
    }
}
