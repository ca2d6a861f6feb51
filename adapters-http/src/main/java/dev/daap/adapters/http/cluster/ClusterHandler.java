package dev.daap.adapters.http.cluster;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.IfMatch;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.application.cluster.ClusterView;
import dev.daap.application.cluster.ListClusters;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.common.VersionPrecondition;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;

/**
 * The {@code /v1/clusters} resource: platform admins register, change and remove clusters; every key may read them,
 * a team's key in part. Maps HTTP to the use cases and back; no rule lives here.
 */
public final class ClusterHandler {
    private static final List<String> CREATE_TYPES = List.of(JsonCodec.JSON);
    private static final List<String> PATCH_TYPES = List.of("application/merge-patch+json", JsonCodec.JSON);
    private static final List<String> LIST_PARAMETERS = List.of("page_size", "page_token");

    private final ClusterUseCases useCases;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final String collectionPath;

    public ClusterHandler(ClusterUseCases useCases, JsonCodec json, RequestBodies bodies, String collectionPath) {
        this.useCases = useCases;
        this.json = json;
        this.bodies = bodies;
        this.collectionPath = collectionPath;
    }

    public void create(Context ctx) {
        ClusterRequest request = json.read(bodies.read(ctx, CREATE_TYPES), ClusterRequest.class);
        Cluster registered = useCases.register().execute(Callers.of(ctx), request.toCommand());
        ctx.header("Location", collectionPath + "/" + registered.name());
        respond(ctx, 201, registered);
    }

    public void get(Context ctx) {
        ClusterView view = useCases.get().execute(Callers.principalOf(ctx), PathIds.clusterName(ctx));
        ctx.header("ETag", EntityTags.of(view.cluster().version()));
        json.respond(ctx, 200, ClusterResponse.from(view, useCases.backupTools()));
    }

    public void list(Context ctx) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), LIST_PARAMETERS);
        int pageSize = parameters.pageSize(ListClusters.DEFAULT_PAGE_SIZE, ListClusters.MAX_PAGE_SIZE);
        var after = parameters.pageToken(ListClusters::positionOf);
        parameters.throwIfInvalid();
        json.respond(
                ctx,
                200,
                ClusterResponse.PageResponse.from(
                        useCases.list().execute(Callers.principalOf(ctx), after, pageSize), useCases.backupTools()));
    }

    /** A merge patch; the use case checks {@code If-Match} and merges the labels in its one transaction. */
    public void update(Context ctx) {
        ClusterName name = PathIds.clusterName(ctx);
        VersionPrecondition precondition = ifMatch(ctx);
        var patch = ClusterPatchRequest.from(json.readObject(bodies.read(ctx, PATCH_TYPES)));
        respond(ctx, 200, useCases.update().execute(Callers.of(ctx), patch.toCommand(name, precondition)));
    }

    /** 204: the cluster is gone from the fleet. */
    public void delete(Context ctx) {
        ClusterName name = PathIds.clusterName(ctx);
        useCases.delete().execute(Callers.of(ctx), name, ifMatch(ctx));
        ctx.status(204);
    }

    private void respond(Context ctx, int status, Cluster cluster) {
        ctx.header("ETag", EntityTags.of(cluster.version()));
        json.respond(ctx, status, ClusterResponse.from(cluster, useCases.backupTools()));
    }

    private static VersionPrecondition ifMatch(Context ctx) {
        return IfMatch.parse(Collections.list(ctx.req().getHeaders(IfMatch.HEADER)));
    }
}
