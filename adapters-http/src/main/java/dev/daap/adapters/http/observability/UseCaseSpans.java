package dev.daap.adapters.http.observability;

import dev.daap.domain.error.DomainException;
import dev.daap.domain.error.StoreUnavailableException;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * A span for the use case a route runs, named after its class in the application ({@code CreateDatabase}): a child of
 * the request's server span, and the parent of the use case's statements and of the jobs it enqueues, so a trace
 * reads HTTP → use case → SQL → job. Each route names its use case where it is laid out ({@code Routes}), so every
 * use case gets its span in one place and none of them knows about tracing.
 *
 * <p>Only while the request's span is recording: an unsampled request (or tracing off) runs the handler as it is,
 * without even a non-recording span or a context of its own.
 */
public final class UseCaseSpans {
    private final Tracer tracer;

    public UseCaseSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.daap.application");
    }

    /** {@code handler}, inside a span named after {@code useCase} when the request is traced. */
    public Handler of(Class<?> useCase, Handler handler) {
        String name = useCase.getSimpleName();
        return ctx -> {
            if (!Span.current().isRecording()) {
                handler.handle(ctx);
                return;
            }
            Span span = tracer.spanBuilder(name).startSpan();
            try (Scope ignored = span.makeCurrent()) {
                handler.handle(ctx);
            } catch (Exception e) {
                if (serversFault(e)) {
                    span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
                }
                throw e;
            } finally {
                span.end();
            }
        };
    }

    /** As the request span sees it (an error is a 5xx): refused input and broken rules are the caller's doing. */
    private static boolean serversFault(Exception e) {
        return e instanceof StoreUnavailableException
                || !(e instanceof DomainException || e instanceof HttpResponseException);
    }
}
