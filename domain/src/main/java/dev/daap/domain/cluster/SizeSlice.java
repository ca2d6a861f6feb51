package dev.daap.domain.cluster;

import java.util.List;

/**
 * Which of a cluster's databases one probe measures: at most {@code limit} of DAAP's databases there, those never
 * measured first, then the least recently measured. Measuring a size walks the database's files (1-3 ms each, with
 * 2,000 databases on one cluster: bench/fleet, 2026-12-03), so a probe measures a slice and the sizes of the rest stay
 * as last measured.
 *
 * @param measuredOldestFirst the names on the cluster of the databases measured before, least recently first
 * @param limit               how many a probe measures at most; 0 measures none
 */
public record SizeSlice(List<String> measuredOldestFirst, int limit) {
    public SizeSlice {
        measuredOldestFirst = List.copyOf(measuredOldestFirst);
        if (limit < 0) {
            throw new IllegalArgumentException("a probe measures 0 or more databases");
        }
    }
}
