package dev.daap.domain.usage;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.List;

/**
 * The measured usage of databases over time (a secondary port): the probe's samples (written with its reading, see
 * {@code ClusterProbeStore#recordReading}) and their hourly rollups. Calls join the transaction open on the calling
 * thread.
 */
public interface UsageHistory {

    /**
     * Folds every sample taken before {@code hour} into its database's hourly row (merged into the row when the hour
     * was folded before) and deletes those samples, in one statement; the number of hourly rows written.
     */
    long foldSamplesBefore(Instant hour);

    /** Deletes the hourly rows of hours before {@code cutoff}; how many. */
    long forgetHoursBefore(Instant cutoff);

    /** The database's points in the range, oldest first, hours not folded yet included; points with no sample left out. */
    List<UsagePoint> ofDatabase(DatabaseId database, UsageRange range);

    /** The sums over the team's databases (its owner now) per point, oldest first, as {@link #ofDatabase}. */
    List<UsagePoint> ofTeam(TeamSlug team, UsageRange range);
}
