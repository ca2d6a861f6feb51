package dev.daap.domain.backup;

import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.NameOnCluster;
import java.util.List;
import java.util.function.Consumer;

/**
 * Counts the rows of a database's tables with a checksum of their content (a secondary port), so that a backup can
 * later be proven to restore what it was taken from.
 */
public interface TableCensus {
    /** At most this many tables are counted (the first by name): a bound on what one backup records. */
    int MAX_TABLES = 1000;

    /**
     * Counts the tables of {@code database} on {@code target} in one snapshot and, while that snapshot is held, runs
     * {@code whileHeld} with its id (for {@code pg_dump --snapshot}), so the counts and the dump see the same rows.
     * {@code whileHeld} may run on another thread at the same time as the counting; this returns once both are done,
     * and throws what {@code whileHeld} threw, or {@code ProvisioningException} (no secrets) when the database cannot
     * be read.
     */
    List<TableCount> countHolding(ClusterTarget target, NameOnCluster database, Consumer<String> whileHeld);

    /** Counts the tables of {@code database} as they are now. */
    default List<TableCount> count(ClusterTarget target, NameOnCluster database) {
        return countHolding(target, database, snapshot -> {});
    }
}
