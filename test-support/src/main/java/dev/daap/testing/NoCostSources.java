package dev.daap.testing;

import dev.daap.domain.cost.CostSources;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Cost sources with no database in any month, for the HTTP tests on in-memory ports: they check the routes' access
 * and input; the reports' lines are tested on PostgreSQL ({@code JooqCostSourcesTest}) and end to end.
 */
public final class NoCostSources implements CostSources {
    @Override
    public List<DatabaseLife> databasesLiveIn(Optional<TeamSlug> team, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<PlanChange> planChangesSince(Optional<TeamSlug> team, Instant since) {
        return List.of();
    }

    @Override
    public List<BigDecimal> byteHoursOverIncluded(List<StorageStretch> stretches) {
        return stretches.stream().map(stretch -> BigDecimal.ZERO).toList();
    }
}
