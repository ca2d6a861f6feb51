package dev.daap.domain.cost;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a cost report reads (a secondary port), each in one query whatever the number of databases: the databases
 * live in a period, their plan changes, and their measured storage above their plans' included storage.
 */
public interface CostSources {

    /** The databases of {@code team} (every team: empty) live at some time in {@code [from, to)}, by team and name. */
    List<DatabaseLife> databasesLiveIn(Optional<TeamSlug> team, Instant from, Instant to);

    /** The plan changes (from one plan to another) of those databases at or after {@code since}, oldest first. */
    List<PlanChange> planChangesSince(Optional<TeamSlug> team, Instant since);

    /**
     * For each stretch, in order: the sum over its hourly rollups (hours in {@code [fromHour, toHour)}) of the
     * average storage above {@code includedBytes} (0 where below), in byte-hours.
     */
    List<BigDecimal> byteHoursOverIncluded(List<StorageStretch> stretches);

    /**
     * A database as a report prices it: its plan now, and when it was live.
     *
     * @param deletedAt null while live
     */
    record DatabaseLife(
            DatabaseId id, String name, TeamSlug team, PlanName plan, Instant createdAt, Instant deletedAt) {}

    /** A move of a database from one plan to another, as its revisions keep it. */
    record PlanChange(DatabaseId database, Instant at, PlanName before, PlanName after) {}

    /** The hours of one line whose storage above {@code includedBytes} is charged. */
    record StorageStretch(DatabaseId database, Instant fromHour, Instant toHour, long includedBytes) {}
}
