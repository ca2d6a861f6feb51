package dev.daap.adapters.http.revision;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.application.revision.ListRevisions;
import dev.daap.domain.common.Validation;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.revision.RevisionQuery;
import io.javalin.http.Context;
import java.util.List;
import java.util.OptionalLong;

/** {@code /v1/databases/{id}/revisions}: the history of a database's settings, newest first, keyset pages. */
public final class RevisionHandler {
    private static final List<String> PARAMETERS = List.of("page_size", "page_token");
    private static final String VERSION = "version";

    private final ListRevisions revisions;
    private final JsonCodec json;

    public RevisionHandler(ListRevisions revisions, JsonCodec json) {
        this.revisions = revisions;
        this.json = json;
    }

    public void list(Context ctx) {
        DatabaseId database = PathIds.databaseId(ctx);
        var parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        int pageSize = parameters.pageSize(RevisionQuery.DEFAULT_PAGE_SIZE, RevisionQuery.MAX_PAGE_SIZE);
        var before = parameters.pageToken(token -> RevisionQuery.positionOf(token, database));
        parameters.throwIfInvalid();
        var query = new RevisionQuery(
                database, pageSize, before.map(OptionalLong::of).orElse(OptionalLong.empty()));
        json.respond(ctx, 200, RevisionResponse.PageResponse.from(revisions.page(Callers.principalOf(ctx), query)));
    }

    public void get(Context ctx) {
        DatabaseId database = PathIds.databaseId(ctx);
        long version = version(ctx);
        json.respond(ctx, 200, RevisionResponse.whole(revisions.one(Callers.principalOf(ctx), database, version)));
    }

    /** A version is a whole number from 1; anything else is an input problem (422), not a 404. */
    private static long version(Context ctx) {
        var validation = new Validation();
        Long version = validation.field(VERSION, () -> {
            String raw = ctx.pathParam(VERSION);
            try {
                long parsed = Long.parseLong(raw);
                if (parsed >= 1 && raw.equals(Long.toString(parsed))) {
                    return parsed;
                }
            } catch (NumberFormatException e) {
                // the message below says what is expected
            }
            throw new IllegalArgumentException("must be a version, a whole number from 1");
        });
        validation.throwIfInvalid();
        return version;
    }
}
