package dev.daap.adapters.http.usage;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import java.time.Instant;
import java.util.List;

/**
 * A usage series: of a database ({@code database_id}) or of a team ({@code team}, each point the sum over its
 * databases), the range it covers (whole points) and its points, oldest first; a point in which nothing was measured
 * is left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageResponse(
        String databaseId, String team, Instant from, Instant to, String granularity, List<Point> points) {

    /** One point: when it starts, the storage measured in it (bytes), the most client sessions seen. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Point(Instant time, Storage storageBytes, Integer connectionsMax, long samples, Integer databases) {}

    public record Storage(long avg, long max) {}

    static UsageResponse ofDatabase(String databaseId, UsageRange range, List<UsagePoint> points) {
        return new UsageResponse(
                databaseId,
                null,
                range.from(),
                range.to(),
                range.granularity().wireName(),
                points.stream().map(point -> point(point, null)).toList());
    }

    static UsageResponse ofTeam(String team, UsageRange range, List<UsagePoint> points) {
        return new UsageResponse(
                null,
                team,
                range.from(),
                range.to(),
                range.granularity().wireName(),
                points.stream().map(point -> point(point, point.databases())).toList());
    }

    private static Point point(UsagePoint point, Integer databases) {
        return new Point(
                point.start(),
                new Storage(point.storageBytesAvg(), point.storageBytesMax()),
                point.connectionsMax(),
                point.samples(),
                databases);
    }
}
