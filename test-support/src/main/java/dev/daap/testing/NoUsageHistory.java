package dev.daap.testing;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.usage.UsageHistory;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import java.time.Instant;
import java.util.List;

/**
 * A usage history in which nothing was ever measured, for the HTTP tests on in-memory ports: they check the routes'
 * access and input; what a series holds is tested on PostgreSQL ({@code JooqUsageHistoryTest}) and end to end.
 */
public final class NoUsageHistory implements UsageHistory {
    @Override
    public long foldSamplesBefore(Instant hour) {
        return 0;
    }

    @Override
    public long forgetHoursBefore(Instant cutoff) {
        return 0;
    }

    @Override
    public List<UsagePoint> ofDatabase(DatabaseId database, UsageRange range) {
        return List.of();
    }

    @Override
    public List<UsagePoint> ofTeam(TeamSlug team, UsageRange range) {
        return List.of();
    }
}
