package dev.daap.adapters.http.team;

import dev.daap.adapters.http.access.AccessUseCases;
import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.adapters.http.protocol.RequestBodies;
import dev.daap.application.team.ListTeams;
import dev.daap.application.team.UpdateTeamLimits;
import dev.daap.domain.team.Team;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code /v1/teams}: platform admins create teams and set their quotas and budgets; a team's key sees its own team
 * only.
 */
public final class TeamHandler {
    private static final List<String> LIST_PARAMETERS = List.of("page_size", "page_token");

    private static final List<String> PATCH_TYPES = List.of("application/merge-patch+json", JsonCodec.JSON);

    private final AccessUseCases useCases;
    private final UpdateTeamLimits updateLimits;
    private final JsonCodec json;
    private final RequestBodies bodies;
    private final String collectionPath;

    public TeamHandler(
            AccessUseCases useCases,
            UpdateTeamLimits updateLimits,
            JsonCodec json,
            RequestBodies bodies,
            String collectionPath) {
        this.useCases = useCases;
        this.updateLimits = updateLimits;
        this.json = json;
        this.bodies = bodies;
        this.collectionPath = collectionPath;
    }

    public void create(Context ctx) {
        TeamRequest request = json.read(bodies.read(ctx, List.of(JsonCodec.JSON)), TeamRequest.class);
        Team team = useCases.createTeam().execute(Callers.of(ctx), request.toCommand());
        ctx.header("Location", collectionPath + "/" + team.slug());
        json.respond(ctx, 201, TeamResponse.from(team));
    }

    public void get(Context ctx) {
        json.respond(
                ctx,
                200,
                TeamResponse.from(useCases.getTeam().execute(Callers.principalOf(ctx), PathIds.teamSlug(ctx))));
    }

    /** A merge patch of the team's quota and budget (platform admins). */
    public void update(Context ctx) {
        var slug = PathIds.teamSlug(ctx);
        var patch = TeamPatchRequest.from(json.readObject(bodies.read(ctx, PATCH_TYPES)));
        json.respond(
                ctx,
                200,
                TeamResponse.from(
                        updateLimits.execute(Callers.of(ctx), slug, patch.maxDatabases(), patch.monthlyBudget())));
    }

    public void list(Context ctx) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), LIST_PARAMETERS);
        int pageSize = parameters.pageSize(ListTeams.DEFAULT_PAGE_SIZE, ListTeams.MAX_PAGE_SIZE);
        var after = parameters.pageToken(ListTeams::positionOf);
        parameters.throwIfInvalid();
        json.respond(
                ctx,
                200,
                TeamResponse.PageResponse.from(
                        useCases.listTeams().execute(Callers.principalOf(ctx), after, pageSize)));
    }
}
