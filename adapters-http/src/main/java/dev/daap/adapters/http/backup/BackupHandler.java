package dev.daap.adapters.http.backup;

import dev.daap.adapters.http.Routes;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.EntityTags;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupQuery;
import dev.daap.domain.database.DatabaseId;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /v1/databases/{id}/backups} and {@code /v1/backups/{bid}}: a backup is read by its own id, since it outlives
 * its database. Taking and deleting one answer {@code 202}: a job does the work, and {@code latest_operation_id}
 * names it.
 */
public final class BackupHandler {
    private final BackupUseCases useCases;
    private final JsonCodec json;

    private static final List<String> LIST_PARAMETERS = List.of("page_size", "page_token");

    public BackupHandler(BackupUseCases useCases, JsonCodec json) {
        this.useCases = useCases;
        this.json = json;
    }

    /** No body is needed; one that is sent is not read. */
    public void create(Context ctx) {
        Backup taken = useCases.take().execute(Callers.of(ctx), PathIds.databaseId(ctx));
        ctx.header("Location", Routes.BACKUP.replace("{bid}", taken.id().toString()));
        respond(ctx, 202, taken);
    }

    public void list(Context ctx) {
        DatabaseId database = PathIds.databaseId(ctx);
        var parameters = QueryParameters.of(ctx.queryParamMap(), LIST_PARAMETERS);
        int pageSize = parameters.pageSize(BackupQuery.DEFAULT_PAGE_SIZE, BackupQuery.MAX_PAGE_SIZE);
        var after = parameters.pageToken(token -> BackupQuery.positionOf(token, database));
        parameters.throwIfInvalid();
        var query = new BackupQuery(database, pageSize, after);
        json.respond(ctx, 200, BackupListResponse.from(useCases.list().ofDatabase(Callers.principalOf(ctx), query)));
    }

    public void get(Context ctx) {
        respond(ctx, 200, useCases.list().one(Callers.principalOf(ctx), PathIds.backupId(ctx)));
    }

    public void delete(Context ctx) {
        respond(ctx, 202, useCases.delete().execute(Callers.of(ctx), PathIds.backupId(ctx)));
    }

    /** A restore drill of the backup now: 202 with the backup, its verification pending. */
    public void verify(Context ctx) {
        respond(ctx, 202, useCases.verify().execute(Callers.of(ctx), PathIds.backupId(ctx)));
    }

    private void respond(Context ctx, int status, Backup backup) {
        ctx.header("ETag", EntityTags.of(backup.version()));
        json.respond(ctx, status, BackupResponse.from(backup));
    }
}
