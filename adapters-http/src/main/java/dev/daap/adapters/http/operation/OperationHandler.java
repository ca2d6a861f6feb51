package dev.daap.adapters.http.operation;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.application.operation.GetOperations;
import io.javalin.http.Context;

/** {@code /v1/operations/{id}} and {@code /v1/databases/{id}/operations}: read-only views of the job queue. */
public final class OperationHandler {
    private final GetOperations operations;
    private final JsonCodec json;

    public OperationHandler(GetOperations operations, JsonCodec json) {
        this.operations = operations;
        this.json = json;
    }

    public void get(Context ctx) {
        json.respond(
                ctx, 200, OperationResponse.from(operations.byId(Callers.principalOf(ctx), PathIds.operationId(ctx))));
    }

    public void ofDatabase(Context ctx) {
        json.respond(
                ctx,
                200,
                OperationListResponse.from(operations.ofDatabase(Callers.principalOf(ctx), PathIds.databaseId(ctx))));
    }
}
