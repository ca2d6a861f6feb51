package dev.daap.application.cluster;

import java.time.Duration;

/**
 * How the fleet is watched.
 *
 * @param interval  each cluster is probed once per interval, however many instances run
 * @param downAfter failed probes in a row after which a cluster is down
 */
public record ProbeSettings(Duration interval, int downAfter) {
    public static final ProbeSettings DEFAULTS = new ProbeSettings(Duration.ofSeconds(15), 3);

    public ProbeSettings {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the probe interval must be at least 1s");
        }
        if (downAfter < 1) {
            throw new IllegalArgumentException("a cluster is down after at least 1 failed probe");
        }
    }
}
