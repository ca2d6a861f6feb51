package dev.daap.bootstrap;

import dev.daap.application.cluster.IsolateClusters;
import dev.daap.application.cluster.ProbeClusters;
import dev.daap.application.cluster.ProbeOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's health on every instance. The probe task looks for due clusters five times per interval (a claim
 * that finds none is one cheap UPDATE), so a cluster is probed about every interval however the instances' ticks
 * fall, and never twice in one: the claim in PostgreSQL decides which instance probes it.
 */
final class FleetProbe {
    private static final Logger log = LoggerFactory.getLogger(FleetProbe.class);
    private static final Duration SHORTEST_TICK = Duration.ofMillis(200);

    private FleetProbe() {}

    /** {@code afterRound}: what each tick's probes found (none when nothing was due), for the metrics. */
    static PeriodicTask start(ProbeClusters probes, Duration interval, Consumer<List<ProbeOutcome>> afterRound) {
        return PeriodicTask.start("cluster-probe", tick(interval), false, () -> afterRound.accept(probes.runRound()));
    }

    static Duration tick(Duration interval) {
        Duration fifth = interval.dividedBy(5);
        return fifth.compareTo(SHORTEST_TICK) < 0 ? SHORTEST_TICK : fifth;
    }

    /**
     * Closes every cluster to PUBLIC again, on a thread of its own: a cluster that does not answer costs the
     * isolation its timeout, which start-up need not wait for.
     */
    static Thread isolateInTheBackground(IsolateClusters isolation) {
        return Thread.ofVirtual().name("daap-cluster-isolation").start(() -> {
            try {
                Map<?, List<String>> stillOpen = isolation.execute();
                stillOpen.forEach((cluster, open) -> {
                    if (!open.isEmpty()) {
                        log.warn(
                                "On cluster {}, PUBLIC may still connect to {}: DAAP's admin there lacks the "
                                        + "owner's rights; revoke it as their owner",
                                cluster,
                                open);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("Closing the fleet's databases to PUBLIC failed; the next start tries again", e);
            }
        });
    }
}
