package dev.daap.bootstrap.observability;

import dev.daap.domain.job.JobKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * What the workers of this instance did: run durations by kind and outcome, failed attempts, retries, jobs given
 * up, and how long a database took from its create (or retry) to ready.
 */
public final class JobMetrics {
    private static final Duration[] RUN_BUCKETS = {
        Duration.ofMillis(10),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120)
    };
    private final MeterRegistry registry;

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void succeeded(JobKind kind, Duration run, Duration sinceEnqueued) {
        runs(kind, "succeeded").record(run);
        if (kind == JobKind.PROVISION) {
            Timer.builder("daap.database.create.to.ready")
                    .description("From a provision job's enqueue (a create, or a retry) to its database being ready")
                    .serviceLevelObjectives(RUN_BUCKETS)
                    .register(registry)
                    .record(sinceEnqueued);
        }
    }

    void failed(JobKind kind, Duration run, boolean willRetry) {
        runs(kind, "failed").record(run);
        counter("daap.job.failures", "Job attempts that failed", kind).increment();
        if (willRetry) {
            counter("daap.job.retries", "Failed job attempts scheduled to run again", kind)
                    .increment();
        }
    }

    void leaseLost(JobKind kind, Duration run) {
        runs(kind, "lease_lost").record(run);
    }

    void gaveUp(JobKind kind) {
        counter("daap.jobs.given.up", "Jobs marked failed after their last attempt", kind)
                .increment();
    }

    private Timer runs(JobKind kind, String outcome) {
        return Timer.builder("daap.job.runs")
                .description("Job runs by kind and outcome: succeeded, failed, or lease_lost (run past its lease)")
                .tag("kind", kind.wireName())
                .tag("outcome", outcome)
                .serviceLevelObjectives(RUN_BUCKETS)
                .register(registry);
    }

    private Counter counter(String name, String description, JobKind kind) {
        return Counter.builder(name)
                .description(description)
                .tag("kind", kind.wireName())
                .register(registry);
    }
}
