package dev.daap.application.cluster;

import dev.daap.application.event.ClusterEvents;
import dev.daap.application.plan.StorageLimits;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterProbe;
import dev.daap.domain.cluster.ClusterProbeException;
import dev.daap.domain.cluster.ClusterProbeStore;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.DueProbe;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.domain.cluster.SizeSlice;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.job.JobQueue;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One round of the fleet's health probe. It claims the clusters due a probe (committed at once, so other instances
 * skip them this interval), probes each outside any transaction, all at the same time (a cluster that does not
 * answer costs the round its timeout, not one per cluster), and stores each outcome in a transaction of its own:
 * health and fill, the sizes of the slice of databases it measured, the event when the status changed, and, when
 * the cluster answered, the jobs that waited for it made due. Sizes are measured only by the probe (see
 * {@link SizeSlice}) and stored only in {@link #record}, where the databases that crossed their plan's storage limit
 * change their quota state too (see {@link StorageLimits}).
 */
public final class ProbeClusters {
    private static final System.Logger log = System.getLogger(ProbeClusters.class.getName());
    private final Transactions transactions;
    private final ClusterProbeStore store;
    private final ClusterSecrets secrets;
    private final ClusterProbe probe;
    private final JobQueue jobs;
    private final ClusterEvents events;
    private final ProbeSettings settings;
    private final Clock clock;
    private final StorageLimits storageLimits;

    public ProbeClusters(
            Transactions transactions,
            ClusterProbeStore store,
            ClusterSecrets secrets,
            ClusterProbe probe,
            JobQueue jobs,
            EventLog events,
            ProbeSettings settings,
            Clock clock,
            StorageLimits storageLimits) {
        this.transactions = transactions;
        this.store = store;
        this.secrets = secrets;
        this.probe = probe;
        this.jobs = jobs;
        this.events = new ClusterEvents(events);
        this.settings = settings;
        this.clock = clock;
        this.storageLimits = storageLimits;
    }

    /** Probes every cluster due now; what each probe found, for clusters that were due (none: empty). */
    public List<ProbeOutcome> runRound() {
        List<DueProbe> due = transactions.inTransaction(() -> store.claimDue(clock.instant(), settings.interval()));
        if (due.size() <= 1) {
            return due.stream().map(this::probe).toList();
        }
        try (ExecutorService probes = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<ProbeOutcome>> running = due.stream()
                    .map(cluster -> probes.submit(() -> probe(cluster)))
                    .toList();
            return running.stream().map(ProbeClusters::outcome).toList();
        }
    }

    private ProbeOutcome probe(DueProbe due) {
        long started = System.nanoTime();
        ProbeReading reading = null;
        String failure = null;
        try {
            AdminUrl adminUrl = secrets.find(due.id())
                    .orElseThrow(() -> new ClusterProbeException("no admin URL is stored for it", null));
            List<String> measuredBefore = transactions.inTransaction(() -> store.measuredOldestFirst(due.id()));
            reading = probe.probe(adminUrl, new SizeSlice(measuredBefore, settings.sizesPerProbe()));
        } catch (ClusterProbeException e) {
            failure = e.getMessage();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Instant now = clock.instant();
        ClusterHealth after = reading != null
                ? due.health().afterReading(reading, now)
                : due.health().afterFailure(failure, now, settings.downAfter());
        record(due, reading, after, now);
        var outcome = new ProbeOutcome(due.name(), due.health(), after, took);
        report(outcome);
        if (reading != null && !reading.sizesMeasured()) {
            log.log(
                    Level.WARNING,
                    "Cluster {0} answered, but measuring its databases'' sizes took longer than the probe timeout:"
                            + " its fill stays as last measured (raise DAAP_CLUSTER_PROBE_TIMEOUT, or lower DAAP_CLUSTER_PROBE_SIZES)",
                    due.name());
        }
        return outcome;
    }

    /** What a probe found, in one transaction: the one place where measured database sizes are stored. */
    private void record(DueProbe due, ProbeReading reading, ClusterHealth after, Instant now) {
        transactions.inTransaction(() -> {
            if (reading != null && reading.sizesMeasured()) {
                storageLimits.settle(due.id(), reading.databases()); // first: it reads the sizes measured
                store.recordReading(due.id(), after, reading.databases(), now);
                jobs.wakeWaitingFor(due.id());
            } else if (reading != null) {
                store.recordHealth(due.id(), after); // answered, but the sizes took too long: fill as it was
                jobs.wakeWaitingFor(due.id());
            } else {
                store.recordHealth(due.id(), after);
            }
            events.healthChanged(due.id(), due.name(), due.health(), after);
            return null;
        });
    }

    private static void report(ProbeOutcome outcome) {
        if (!outcome.changedStatus()) {
            return;
        }
        if (outcome.after().isDown()) {
            log.log(
                    Level.WARNING,
                    "Cluster {0} is down: its last {1} probes got no answer ({2}); its jobs wait for it and no "
                            + "database is placed on it",
                    outcome.cluster(),
                    outcome.after().consecutiveFailures(),
                    outcome.after().error());
        } else {
            log.log(
                    Level.INFO,
                    "Cluster {0} is {1} (was {2})",
                    outcome.cluster(),
                    outcome.after().status().wireName(),
                    outcome.before().status().wireName());
        }
    }

    private static ProbeOutcome outcome(Future<ProbeOutcome> probe) {
        try {
            return probe.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing the fleet", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("a probe failed", e.getCause());
        }
    }
}
