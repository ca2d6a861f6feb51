package dev.daap.adapters.http.database;

import dev.daap.adapters.http.export.ExportFormat;
import dev.daap.adapters.http.export.ExportWriter;
import dev.daap.adapters.http.operation.OperationResponse;
import dev.daap.adapters.http.plan.QuoteResponse;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.IfMatch;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.application.operation.Operation;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseQuery;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The {@code /v1/databases} resource: maps HTTP to the use cases and back. Every refusal is an exception that
 * the problem mapper turns into a problem response; nothing here decides a business rule.
 */
public final class DatabaseHandler {
    public static final String MERGE_PATCH = "application/merge-patch+json";
    private static final List<String> CREATE_TYPES = List.of(JsonCodec.JSON);
    private static final List<String> PATCH_TYPES = List.of(MERGE_PATCH, JsonCodec.JSON);
    /** The members of a database's JSON, as CSV columns; connection and labels as their JSON text. */
    static final List<String> EXPORT_COLUMNS = List.of(
            "id",
            "name",
            "owner_team",
            "purpose",
            "status",
            "connection",
            "labels",
            "created_at",
            "updated_at",
            "version",
            "latest_operation_id",
            "failure_reason",
            "cluster",
            "storage_bytes",
            "deletion_protection",
            "deleted_at",
            "restorable_until",
            "plan");

    private static final List<String> DELETE_PARAMETERS = List.of("purge");
    private static final List<String> DRY_RUN_PARAMETERS = List.of("dry_run");

    private final DatabaseUseCases useCases;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final String collectionPath;

    /** @param collectionPath where the routes mount the collection, e.g. {@code /v1/databases}; for Location */
    public DatabaseHandler(DatabaseUseCases useCases, JsonCodec json, RequestBodies bodies, String collectionPath) {
        this.useCases = useCases;
        this.json = json;
        this.bodies = bodies;
        this.collectionPath = collectionPath;
    }

    /** 201; with {@code ?dry_run=true}, 200 and what it would cost, with nothing stored. */
    public void create(Context ctx) {
        boolean dryRun = dryRun(ctx);
        DatabaseRequest request = json.read(bodies.read(ctx, CREATE_TYPES), DatabaseRequest.class);
        if (dryRun) {
            json.respond(
                    ctx, 200, QuoteResponse.from(useCases.quoteCreate().execute(Callers.of(ctx), request.toCommand())));
            return;
        }
        Database created = useCases.create().execute(Callers.of(ctx), request.toCommand());
        ctx.header("Location", collectionPath + "/" + created.id());
        respond(ctx, 201, created);
    }

    public void get(Context ctx) {
        respond(ctx, 200, useCases.get().execute(Callers.principalOf(ctx), PathIds.databaseId(ctx)));
    }

    /** A page of JSON, or with {@code Accept: text/csv} or {@code application/x-ndjson} every matching row. */
    public void list(Context ctx) {
        Optional<ExportFormat> export = ExportFormat.requested(ctx.header("Accept"));
        var query = DatabaseListParameters.toQuery(ctx.queryParamMap(), export.isPresent());
        if (export.isPresent()) {
            export(ctx, export.get(), query);
            return;
        }
        json.respond(ctx, 200, DatabasePageResponse.from(useCases.list().execute(Callers.principalOf(ctx), query)));
    }

    private void export(Context ctx, ExportFormat format, DatabaseQuery query) {
        try (var writer = new ExportWriter(ctx, format, EXPORT_COLUMNS, json, "databases")) {
            if (!ctx.method().equals(HandlerType.HEAD)) { // HEAD: the headers a GET would start with
                useCases.export()
                        .execute(
                                Callers.principalOf(ctx),
                                query,
                                database -> writer.write(DatabaseResponse.from(database)));
            }
        }
    }

    /** A merge patch; the use case checks {@code If-Match} and merges the labels in its one transaction. */
    public void update(Context ctx) {
        DatabaseId id = PathIds.databaseId(ctx);
        VersionPrecondition precondition = ifMatch(ctx);
        boolean dryRun = dryRun(ctx);
        DatabasePatchRequest patch = DatabasePatchRequest.from(json.readObject(bodies.read(ctx, PATCH_TYPES)));
        if (dryRun) {
            json.respond(
                    ctx,
                    200,
                    QuoteResponse.from(
                            useCases.quoteChange().execute(Callers.of(ctx), patch.toCommand(id, precondition))));
            return;
        }
        respond(ctx, 200, useCases.update().execute(Callers.of(ctx), patch.toCommand(id, precondition)));
    }

    /**
     * 202: a job takes the database out of use and keeps it restorable ({@code deleting}, then {@code deleted});
     * with {@code ?purge=true} (team admins) a job drops it for good ({@code purging}, then {@code purged}).
     */
    public void delete(Context ctx) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), DELETE_PARAMETERS);
        boolean purge = parameters.parsed("purge", DatabaseHandler::flag).orElse(false);
        parameters.throwIfInvalid();
        DatabaseId id = PathIds.databaseId(ctx);
        respond(ctx, 202, useCases.delete().execute(Callers.of(ctx), id, ifMatch(ctx), purge));
    }

    /** 202: a job brings a deleted database back ({@code restoring}, then {@code ready}); the body is optional. */
    public void restore(Context ctx) {
        DatabaseId id = PathIds.databaseId(ctx);
        boolean empty = ctx.req().getContentLengthLong() == 0
                || (ctx.req().getContentLengthLong() < 0 && ctx.bodyAsBytes().length == 0);
        RestoreRequest request =
                empty ? RestoreRequest.EMPTY : json.read(bodies.read(ctx, CREATE_TYPES), RestoreRequest.class);
        respond(ctx, 202, useCases.restore().execute(Callers.of(ctx), id, request.newName()));
    }

    /** 202 with the move's operation: a job moves it to another cluster ({@code moving}, then {@code ready}). */
    public void move(Context ctx) {
        DatabaseId id = PathIds.databaseId(ctx);
        boolean empty = ctx.req().getContentLengthLong() == 0
                || (ctx.req().getContentLengthLong() < 0 && ctx.bodyAsBytes().length == 0);
        MoveRequest request = empty ? MoveRequest.EMPTY : json.read(bodies.read(ctx, CREATE_TYPES), MoveRequest.class);
        var started = useCases.move().execute(Callers.of(ctx), id, request.toCommand());
        var operation = new Operation(started.job(), false, started.cluster(), started.move());
        ctx.header("Location", "/v1/operations/" + operation.job().id());
        json.respond(ctx, 202, OperationResponse.from(operation));
    }

    /** {@code ?dry_run=true}: price the request and change nothing. */
    private static boolean dryRun(Context ctx) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), DRY_RUN_PARAMETERS);
        boolean dryRun = parameters.parsed("dry_run", DatabaseHandler::flag).orElse(false);
        parameters.throwIfInvalid();
        return dryRun;
    }

    private static boolean flag(String raw) {
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    /** 202: a new job tries again what failed; {@code latest_operation_id} names it. */
    public void retry(Context ctx) {
        respond(ctx, 202, useCases.retry().execute(Callers.of(ctx), PathIds.databaseId(ctx)));
    }

    private void respond(Context ctx, int status, Database database) {
        ctx.header("ETag", EntityTags.of(database.version()));
        json.respond(ctx, status, DatabaseResponse.from(database));
    }

    private static VersionPrecondition ifMatch(Context ctx) {
        return IfMatch.parse(Collections.list(ctx.req().getHeaders(IfMatch.HEADER)));
    }
}
