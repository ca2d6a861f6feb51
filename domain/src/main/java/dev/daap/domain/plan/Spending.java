package dev.daap.domain.plan;

import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.util.List;

/** What admission reads of a team's databases (a secondary port): how many it has, and what they cost. */
public interface Spending {

    /**
     * How many live databases (not deleted) the team has, counting up to {@code atMost} only: a quota check reads no
     * more rows than the quota, however large the team.
     */
    long liveDatabases(TeamSlug team, long atMost);

    /** Every database of the team that was live at some time in {@code [from, to)}. */
    List<DatabaseUsage> usage(TeamSlug team, Instant from, Instant to);

    /**
     * One database's part in its team's spend: its plan now (the spend so far is priced as if it had always had it),
     * its last measured size, and when it was live.
     *
     * @param deletedAt null while live
     */
    record DatabaseUsage(PlanName plan, Long storageBytes, Instant createdAt, Instant deletedAt) {}
}
