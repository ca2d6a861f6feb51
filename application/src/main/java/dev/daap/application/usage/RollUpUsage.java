package dev.daap.application.usage;

import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.PeriodicRuns;
import dev.daap.domain.usage.UsageHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Keeps the usage history bounded: once per {@link #EVERY} (however many instances ask, see {@link PeriodicRuns}),
 * every complete hour of samples is folded into hourly rows and those samples deleted, and hourly rows older than
 * the retention are deleted, in one transaction. Nothing a client asked for, so no audit entry. Run twice, or after
 * a crash, it folds what is left and nothing twice: a sample is either still in the samples or in its hour.
 */
public final class RollUpUsage {
    static final String TASK = "usage-rollup";

    /** Often enough that the samples hold little more than the current hour. */
    public static final Duration EVERY = Duration.ofMinutes(10);

    private final Transactions transactions;
    private final PeriodicRuns runs;
    private final UsageHistory history;
    private final Duration retention;
    private final Clock clock;

    public RollUpUsage(
            Transactions transactions, PeriodicRuns runs, UsageHistory history, Duration retention, Clock clock) {
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("usage is kept at least a day");
        }
        this.transactions = transactions;
        this.runs = runs;
        this.history = history;
        this.retention = retention;
        this.clock = clock;
    }

    /** What one run did; both zero when another instance had this interval's run. */
    public record Result(long hoursWritten, long hoursForgotten) {}

    public Result execute() {
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            if (!runs.claim(TASK, EVERY, now)) {
                return new Result(0, 0);
            }
            long written = history.foldSamplesBefore(now.truncatedTo(ChronoUnit.HOURS));
            long forgotten = history.forgetHoursBefore(now.minus(retention).truncatedTo(ChronoUnit.HOURS));
            return new Result(written, forgotten);
        });
    }
}
