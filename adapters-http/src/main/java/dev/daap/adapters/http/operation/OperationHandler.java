package dev.daap.adapters.http.operation;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.application.operation.GetOperation;
import dev.daap.application.operation.ListOperations;
import io.javalin.http.Context;

/** {@code /v1/operations/{id}} and {@code /v1/databases/{id}/operations}: read-only views of the job queue. */
public final class OperationHandler {
    private final GetOperation getOperation;
    private final ListOperations listOperations;
    private final JsonCodec json;

    public OperationHandler(GetOperation getOperation, ListOperations listOperations, JsonCodec json) {
        this.getOperation = getOperation;
        this.listOperations = listOperations;
        this.json = json;
    }

    public void get(Context ctx) {
        json.respond(
                ctx,
                200,
                OperationResponse.from(getOperation.execute(Callers.principalOf(ctx), PathIds.operationId(ctx))));
    }

    public void ofDatabase(Context ctx) {
        json.respond(
                ctx,
                200,
                OperationListResponse.from(listOperations.execute(Callers.principalOf(ctx), PathIds.databaseId(ctx))));
    }
}
