package dev.daap.domain.usage;

import java.time.Instant;

/**
 * What was measured of a database (or the sum over a team's databases) in one point of a usage series.
 *
 * @param start           the point's first instant
 * @param storageBytesAvg the average of the storage samples (for a team: the sum of its databases' averages)
 * @param storageBytesMax the largest storage sample (for a team: the sum of its databases' largest)
 * @param connectionsMax  the most client sessions a sample saw (for a team: the sum); null when none was read
 * @param samples         how many samples the point is made of
 * @param databases       how many databases were measured in it (1 for a database's own series)
 */
public record UsagePoint(
        Instant start,
        long storageBytesAvg,
        long storageBytesMax,
        Integer connectionsMax,
        long samples,
        int databases) {}
