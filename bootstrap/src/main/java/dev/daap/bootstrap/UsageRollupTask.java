package dev.daap.bootstrap;

import dev.daap.application.usage.RollUpUsage;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage rollup on every instance: each asks every {@link #CHECK} whether the run is due, and the one that claims
 * it folds and forgets (see {@link RollUpUsage}). A run that did something says so in one line with how long it
 * took: what an operator watches as the fleet grows, and what {@code bench/usage} reads.
 */
final class UsageRollupTask {
    private static final Logger log = LoggerFactory.getLogger(UsageRollupTask.class);
    static final Duration CHECK = Duration.ofMinutes(1);

    private UsageRollupTask() {}

    static PeriodicTask start(RollUpUsage rollup) {
        return PeriodicTask.start("usage-rollup", CHECK, false, () -> run(rollup));
    }

    static void run(RollUpUsage rollup) {
        long started = System.nanoTime();
        RollUpUsage.Result result = rollup.execute();
        if (result.hoursWritten() > 0 || result.hoursForgotten() > 0) {
            log.info(
                    "Usage rollup: {} hourly rows written from the samples, {} past the retention deleted, in {} ms",
                    result.hoursWritten(),
                    result.hoursForgotten(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }
}
