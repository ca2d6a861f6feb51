package dev.daap.bootstrap.observability;

import dev.daap.adapters.http.observability.RequestTelemetry;
import dev.daap.application.job.JobHandler;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.LeaseLostException;
import dev.daap.domain.provisioning.ProvisioningException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.MDC;

/**
 * A job handler seen from outside: each run is a span in the trace of the request that enqueued the job (or a
 * trace of its own when that request was not traced), with the use case the handler is (its class in the
 * application, {@code ProvisionDatabase}) as its child, current while the handler runs, so the handler's SQL and the
 * provisioner's statements on the cluster are the use case's children and its log lines carry the trace id; and
 * each run is measured by {@link JobMetrics}.
 */
public final class ObservedJobHandler implements JobHandler {
    private static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("daap.job.id");
    private static final AttributeKey<String> DATABASE_ID = AttributeKey.stringKey("daap.database.id");
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("daap.job.attempt");
    private static final TextMapGetter<Job> TRACE_OF_JOB = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Job job) {
            return List.of("traceparent");
        }

        @Override
        public String get(Job job, String key) {
            return job != null && "traceparent".equals(key) ? job.traceParent() : null;
        }
    };

    private final JobHandler handler;
    private final String useCase;
    private final JobKind kind;
    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final JobMetrics metrics;
    private final Clock clock;

    public ObservedJobHandler(
            JobKind kind, JobHandler handler, OpenTelemetry openTelemetry, JobMetrics metrics, Clock clock) {
        this.kind = kind;
        this.handler = handler;
        this.useCase = handler.getClass().getSimpleName();
        this.tracer = openTelemetry.getTracer("dev.daap.jobs");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Span span = tracer.spanBuilder("job " + kind.wireName())
                .setParent(propagator.extract(Context.root(), job, TRACE_OF_JOB))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(JOB_ID, job.id().toString())
                .setAttribute(DATABASE_ID, job.databaseId().value().toString())
                .setAttribute(ATTEMPT, (long) job.attempts())
                .startSpan();
        long started = System.nanoTime();
        try (Scope ignored = span.makeCurrent()) {
            putTraceId(span);
            runAsUseCase(job, span);
            metrics.succeeded(kind, elapsed(started), Duration.between(job.createdAt(), clock.instant()));
        } catch (LeaseLostException e) {
            metrics.leaseLost(kind, elapsed(started));
            span.setStatus(StatusCode.ERROR, "the job's lease ran out; another worker took it");
            throw e;
        } catch (RuntimeException e) {
            metrics.failed(kind, elapsed(started), job.hasAttemptsLeft());
            // Not recordException: a stack trace carries the messages of its causes, which the provisioner's own
            // message (already free of secrets, and what the API shows as failure_reason) leaves out on purpose.
            span.setStatus(
                    StatusCode.ERROR,
                    e instanceof ProvisioningException
                            ? e.getMessage()
                            : e.getClass().getSimpleName());
            throw e;
        } finally {
            MDC.remove(RequestTelemetry.MDC_TRACE_ID);
            span.end();
        }
    }

    /** Inside the use case's span when the job's is recording (the trace is kept); as it is otherwise. */
    private void runAsUseCase(Job job, Span jobSpan) {
        if (!jobSpan.isRecording()) {
            handler.run(job);
            return;
        }
        Span span = tracer.spanBuilder(useCase).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            handler.run(job);
        } finally {
            span.end(); // a failure is the job's, on its span
        }
    }

    @Override
    public void giveUp(Job job, String reason) {
        handler.giveUp(job, reason);
        metrics.gaveUp(kind);
    }

    private static void putTraceId(Span span) {
        if (span.getSpanContext().isValid()) {
            MDC.put(RequestTelemetry.MDC_TRACE_ID, span.getSpanContext().getTraceId());
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
