package dev.daap.adapters.http.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace the calling thread works in, for what a client or a log reader is told about a request. */
public final class CurrentTrace {
    private CurrentTrace() {}

    /** The current trace's id (32 hex digits), or null when nothing is traced (tracing off, or outside a request). */
    public static String id() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
