package dev.daap.bootstrap.observability;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The job queue as the request side sees it: a job enqueued while a request is traced carries that trace (its
 * W3C {@code traceparent}), so its runs on any worker of any instance show in the request's trace. Everything else
 * is the queue's own.
 */
public final class TraceStampingJobQueue implements JobQueue {
    private static final String TRACEPARENT = "traceparent";
    private final JobQueue queue;
    private final TextMapPropagator propagator;

    public TraceStampingJobQueue(JobQueue queue, OpenTelemetry openTelemetry) {
        this.queue = queue;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public void enqueue(Job job) {
        queue.enqueue(job.traceParent() == null ? job.withTraceParent(currentTraceParent()) : job);
    }

    /** The current span as a {@code traceparent}, or null when no traced span is current. */
    private String currentTraceParent() {
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    @Override
    public List<Job> claim(String owner, Duration lease, int limit) {
        return queue.claim(owner, lease, limit);
    }

    @Override
    public void succeed(UUID jobId, String owner) {
        queue.succeed(jobId, owner);
    }

    @Override
    public void retryLater(UUID jobId, String owner, String error, Instant runAt) {
        queue.retryLater(jobId, owner, error, runAt);
    }

    @Override
    public void postpone(UUID jobId, String owner, String reason, Instant runAt, ClusterId waitingFor) {
        queue.postpone(jobId, owner, reason, runAt, waitingFor);
    }

    @Override
    public int wakeWaitingFor(ClusterId cluster) {
        return queue.wakeWaitingFor(cluster);
    }

    @Override
    public void fail(UUID jobId, String owner, String error) {
        queue.fail(jobId, owner, error);
    }

    @Override
    public void cancel(UUID jobId, String owner, String reason) {
        queue.cancel(jobId, owner, reason);
    }

    @Override
    public Optional<Job> find(UUID jobId) {
        return queue.find(jobId);
    }

    @Override
    public List<Job> forDatabase(DatabaseId databaseId, int limit) {
        return queue.forDatabase(databaseId, limit);
    }

    @Override
    public List<Job> stuck(Duration grace) {
        return queue.stuck(grace);
    }
}
