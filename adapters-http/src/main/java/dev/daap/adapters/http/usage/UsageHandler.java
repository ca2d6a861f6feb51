package dev.daap.adapters.http.usage;

import dev.daap.adapters.http.protocol.Callers;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.PathIds;
import dev.daap.adapters.http.protocol.QueryParameters;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.usage.Granularity;
import dev.daap.domain.usage.UsageRange;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /v1/databases/{id}/usage} and {@code GET /v1/teams/{slug}/usage}: measured storage and sessions over
 * time. A range left open ends now and starts a default length before its end (a day of hours for a database, 30
 * days for a team); a range of more points than {@link UsageRange#MAX_POINTS} is refused, naming the parameters.
 */
public final class UsageHandler {
    private static final List<String> PARAMETERS = List.of("from", "to", "granularity");
    private static final Duration DATABASE_DEFAULT = Duration.ofHours(24);
    private static final Duration TEAM_DEFAULT = Duration.ofDays(30);

    private final UsageUseCases useCases;
    private final JsonCodec json;

    public UsageHandler(UsageUseCases useCases, JsonCodec json) {
        this.useCases = useCases;
        this.json = json;
    }

    public void ofDatabase(Context ctx) {
        DatabaseId database = PathIds.databaseId(ctx);
        UsageRange range = range(ctx, Granularity.HOUR, DATABASE_DEFAULT);
        var points = useCases.database().execute(Callers.principalOf(ctx), database, range);
        json.respond(ctx, 200, UsageResponse.ofDatabase(database.toString(), range, points));
    }

    public void ofTeam(Context ctx) {
        TeamSlug team = PathIds.teamSlug(ctx);
        UsageRange range = range(ctx, Granularity.DAY, TEAM_DEFAULT);
        var points = useCases.team().execute(Callers.principalOf(ctx), team, range);
        json.respond(ctx, 200, UsageResponse.ofTeam(team.value(), range, points));
    }

    private UsageRange range(Context ctx, Granularity defaultGranularity, Duration defaultLength) {
        var parameters = QueryParameters.of(ctx.queryParamMap(), PARAMETERS);
        Optional<Instant> from = parameters.parsed("from", UsageHandler::instant);
        Optional<Instant> to = parameters.parsed("to", UsageHandler::instant);
        Granularity granularity =
                parameters.parsed("granularity", Granularity::fromWireName).orElse(defaultGranularity);
        parameters.throwIfInvalid();
        Instant end = to.orElseGet(() -> from.map(start -> start.plus(defaultLength))
                .orElseGet(() -> useCases.clock().instant()));
        Instant start = from.orElseGet(() -> end.minus(defaultLength));
        try {
            return new UsageRange(start, end, granularity);
        } catch (IllegalArgumentException e) {
            parameters.fail(to.isPresent() || from.isEmpty() ? "to" : "from", e.getMessage());
            parameters.throwIfInvalid();
            throw e;
        }
    }

    private static Instant instant(String raw) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be an RFC 3339 time such as 2026-11-25T00:00:00Z");
        }
    }
}
