package dev.daap.adapters.http.snapshot;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.snapshot.Snapshot;
import io.javalin.http.Context;
import java.util.List;

/**
 * The {@code /v1/databases/{id}/snapshots} resource. Taking, deleting and restoring a snapshot answer {@code 202}:
 * a job does the work, and the snapshot's {@code latest_operation_id} names it.
 */
public final class SnapshotHandler {
    private static final List<String> BODY_TYPES = List.of(JsonCodec.JSON);

    private final SnapshotUseCases useCases;
    private final JsonCodec json;
    private final RequestBodies bodies;

    public SnapshotHandler(SnapshotUseCases useCases, JsonCodec json, RequestBodies bodies) {
        this.useCases = useCases;
        this.json = json;
        this.bodies = bodies;
    }

    /** The body is {@code {description?}}: {@code {}} at least, as every create takes a JSON object. */
    public void create(Context ctx) {
        DatabaseId database = PathIds.databaseId(ctx);
        String description =
                json.read(bodies.read(ctx, BODY_TYPES), SnapshotRequest.class).description();
        Snapshot taken = useCases.take().execute(Callers.of(ctx), database, description);
        ctx.header("Location", ctx.path() + "/" + taken.id());
        respond(ctx, 202, taken);
    }

    public void list(Context ctx) {
        json.respond(
                ctx,
                200,
                SnapshotListResponse.from(useCases.list().all(Callers.principalOf(ctx), PathIds.databaseId(ctx))));
    }

    public void get(Context ctx) {
        respond(
                ctx,
                200,
                useCases.list().one(Callers.principalOf(ctx), PathIds.databaseId(ctx), PathIds.snapshotId(ctx)));
    }

    public void delete(Context ctx) {
        respond(ctx, 202, useCases.delete().execute(Callers.of(ctx), PathIds.databaseId(ctx), PathIds.snapshotId(ctx)));
    }

    /** 202 with the new snapshot that keeps what the database holds now; the database itself keeps its version. */
    public void restore(Context ctx) {
        DatabaseId database = PathIds.databaseId(ctx);
        Snapshot replaced = useCases.restore().execute(Callers.of(ctx), database, PathIds.snapshotId(ctx));
        ctx.header("Location", ctx.path().replaceFirst("/snapshots/.*$", "/snapshots/" + replaced.id()));
        respond(ctx, 202, replaced);
    }

    private void respond(Context ctx, int status, Snapshot snapshot) {
        ctx.header("ETag", EntityTags.of(snapshot.version()));
        json.respond(ctx, status, SnapshotResponse.from(snapshot));
    }
}
