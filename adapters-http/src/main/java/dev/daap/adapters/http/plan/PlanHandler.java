package dev.daap.adapters.http.plan;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.IfMatch;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.application.plan.UpdatePlanCommand;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.plan.Plan;
import dev.daap.domain.plan.PlanName;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/**
 * The {@code /v1/plans} resource: every key reads the catalog; platform admins add, change and remove plans. Maps
 * HTTP to the use cases and back; no rule lives here.
 */
public final class PlanHandler {
    private static final List<String> CREATE_TYPES = List.of(JsonCodec.JSON);
    private static final List<String> PATCH_TYPES = List.of("application/merge-patch+json", JsonCodec.JSON);

    private final PlanUseCases useCases;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final String collectionPath;

    public PlanHandler(PlanUseCases useCases, JsonCodec json, RequestBodies bodies, String collectionPath) {
        this.useCases = useCases;
        this.json = json;
        this.bodies = bodies;
        this.collectionPath = collectionPath;
    }

    public void list(Context ctx) {
        QueryParameters.of(ctx.queryParamMap(), List.of()).throwIfInvalid();
        json.respond(
                ctx,
                200,
                PlanResponse.ListResponse.from(useCases.list().execute(Callers.principalOf(ctx)), useCases.currency()));
    }

    public void get(Context ctx) {
        respond(ctx, 200, useCases.get().execute(Callers.principalOf(ctx), PathIds.planName(ctx)));
    }

    public void create(Context ctx) {
        PlanRequest request = json.read(bodies.read(ctx, CREATE_TYPES), PlanRequest.class);
        Plan created = useCases.create().execute(Callers.of(ctx), request.toCommand(useCases.currency()));
        ctx.header("Location", collectionPath + "/" + created.name());
        respond(ctx, 201, created);
    }

    /** A merge patch; the use case checks {@code If-Match} in its one transaction. */
    public void update(Context ctx) {
        PlanName name = PathIds.planName(ctx);
        VersionPrecondition precondition = ifMatch(ctx);
        var changes = PlanPatchRequest.from(json.readObject(bodies.read(ctx, PATCH_TYPES)));
        respond(
                ctx,
                200,
                useCases.update().execute(Callers.of(ctx), new UpdatePlanCommand(name, changes, precondition)));
    }

    /** 204: the plan is gone from the catalog. */
    public void delete(Context ctx) {
        PlanName name = PathIds.planName(ctx);
        useCases.delete().execute(Callers.of(ctx), name, ifMatch(ctx));
        ctx.status(204);
    }

    private void respond(Context ctx, int status, Plan plan) {
        ctx.header("ETag", EntityTags.of(plan.version()));
        json.respond(ctx, status, PlanResponse.from(plan, useCases.currency()));
    }

    private static VersionPrecondition ifMatch(Context ctx) {
        return IfMatch.parse(Collections.list(ctx.req().getHeaders(IfMatch.HEADER)));
    }
}
