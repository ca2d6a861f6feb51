package dev.daap.migrations;

import java.util.List;

/**
 * What a {@code migrate down} rolls back, newest first, and the data it drops with it.
 *
 * @param changesets the ids of the changesets rolled back, in the order they are undone
 * @param dataLoss   tables and columns that hold data and that the rollback drops; empty when it drops only
 *                   empty ones (or nothing)
 */
public record RollbackPlan(List<String> changesets, List<DataLoss> dataLoss) {
    public RollbackPlan {
        changesets = List.copyOf(changesets);
        dataLoss = List.copyOf(dataLoss);
    }

    public boolean losesData() {
        return !dataLoss.isEmpty();
    }

    /**
     * A table or column with data in it that the rollback drops.
     *
     * @param what         e.g. {@code table daap.databases} or {@code column daap.databases.failure_reason}
     * @param rows         rows counted, at most {@link #COUNT_LIMIT}; see {@link #atLeast()}
     */
    public record DataLoss(String what, long rows) {
        /** Counting stops here: a big table would make the question slow, and the answer is the same. */
        public static final long COUNT_LIMIT = 1000;

        public boolean atLeast() {
            return rows >= COUNT_LIMIT;
        }

        @Override
        public String toString() {
            String count = (atLeast() ? "at least " : "") + rows + (rows == 1 ? " row" : " rows");
            return what + " (" + count + ")";
        }
    }
}
