package dev.daap.bootstrap.observability;

import dev.daap.adapters.postgres.job.JobBacklog;
import dev.daap.domain.job.JobKind;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs table's backlog, shared by every instance: due and running jobs by kind and how long the oldest due job
 * has waited. Read from the table at most every {@link #FRESHNESS} when scraped, so several scrapers (or several
 * gauges of one scrape) cost one query; while the database is away the last reading stays.
 */
public final class JobBacklogGauges {
    static final Duration FRESHNESS = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(JobBacklogGauges.class);
    private final JobBacklog backlog;
    private Map<JobKind, JobBacklog.Kind> last = Map.of();
    private long readAt;
    private boolean read;

    private JobBacklogGauges(JobBacklog backlog) {
        this.backlog = backlog;
    }

    public static void register(MeterRegistry registry, JobBacklog backlog) {
        var gauges = new JobBacklogGauges(backlog);
        for (JobKind kind : JobKind.values()) {
            gauge(registry, "daap.jobs.due", "Scheduled jobs whose time has come", kind, gauges, k -> k.due(), null);
            gauge(registry, "daap.jobs.running", "Jobs a worker holds", kind, gauges, k -> k.running(), null);
            gauge(
                    registry,
                    "daap.jobs.oldest.due.age",
                    "How long the longest-waiting due job has been due",
                    kind,
                    gauges,
                    k -> k.oldestDueWait().toNanos() / 1e9,
                    "seconds");
        }
    }

    private static void gauge(
            MeterRegistry registry,
            String name,
            String description,
            JobKind kind,
            JobBacklogGauges gauges,
            ToDoubleFunction<JobBacklog.Kind> value,
            String unit) {
        Gauge.builder(name, gauges, g -> value.applyAsDouble(g.current(kind)))
                .description(description)
                .tag("kind", kind.wireName())
                .baseUnit(unit)
                .register(registry);
    }

    private synchronized JobBacklog.Kind current(JobKind kind) {
        long now = System.nanoTime();
        if (!read || now - readAt > TimeUnit.NANOSECONDS.convert(FRESHNESS)) {
            try {
                last = backlog.read();
            } catch (RuntimeException e) {
                log.debug("could not read the job backlog; the metrics keep the last reading", e);
            }
            read = true;
            readAt = now;
        }
        return last.getOrDefault(kind, new JobBacklog.Kind(0, 0, Duration.ZERO));
    }
}
