package dev.daap.application.cluster;

import java.time.Duration;

/**
 * How the fleet is watched.
 *
 * @param interval      each cluster is probed once per interval, however many instances run
 * @param downAfter     failed probes in a row after which a cluster is down
 * @param sizesPerProbe how many databases' sizes a probe measures at most (see {@code SizeSlice}): 50 at 1-3 ms each
 *                      keeps a probe of a cluster of 2,000 databases under 200 ms, and measures each of them
 *                      every 40 probes (10 minutes at the default interval)
 */
public record ProbeSettings(Duration interval, int downAfter, int sizesPerProbe) {
    public static final int SIZES_PER_PROBE = 50;
    public static final ProbeSettings DEFAULTS = new ProbeSettings(Duration.ofSeconds(15), 3, SIZES_PER_PROBE);

    public ProbeSettings(Duration interval, int downAfter) {
        this(interval, downAfter, SIZES_PER_PROBE);
    }

    public ProbeSettings {
        if (sizesPerProbe < 0) {
            throw new IllegalArgumentException("a probe measures the sizes of 0 or more databases");
        }
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the probe interval must be at least 1s");
        }
        if (downAfter < 1) {
            throw new IllegalArgumentException("a cluster is down after at least 1 failed probe");
        }
    }
}
