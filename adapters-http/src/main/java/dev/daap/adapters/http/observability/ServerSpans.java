package dev.daap.adapters.http.observability;

import io.javalin.http.Context;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Collections;

/** The server span of a request, named {@code METHOD route} once the route is known, as the HTTP conventions say. */
final class ServerSpans {
    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> PATH = AttributeKey.stringKey("url.path");
    private static final TextMapGetter<Context> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
            return Collections.list(ctx.req().getHeaderNames());
        }

        @Override
        public String get(Context ctx, String name) {
            return ctx == null ? null : ctx.header(name);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    ServerSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.daap.http");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Starts the request's span, a child of the caller's {@code traceparent} if one came, and makes it current. Its
     * attributes are set only once it is known to be kept: no sampler of DAAP's reads them, and a request that is
     * not traced (most of them, at a low sampling ratio) should cost no more than its context.
     */
    Started start(Context ctx) {
        var parent = propagator.extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
        String method = ctx.req().getMethod();
        Span span = tracer.spanBuilder(method)
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .startSpan();
        if (span.isRecording()) {
            span.setAttribute(METHOD, method);
            span.setAttribute(PATH, ctx.path());
        }
        return new Started(span, span.makeCurrent());
    }

    /** A started span and the scope that makes it current on the request's thread. */
    static final class Started {
        private final Span span;
        private Scope scope;

        Started(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        String traceId() {
            SpanContext context = span.getSpanContext();
            return context.isValid() ? context.getTraceId() : null;
        }

        /** The span stops being current (on the thread that made it so); it is ended later. */
        void leave() {
            if (scope != null) {
                scope.close();
                scope = null;
            }
        }

        void end(String method, String route, int status) {
            if (!span.isRecording()) {
                return; // ending a span that records nothing does nothing: neither does naming it
            }
            span.updateName(RequestTelemetry.UNMATCHED.equals(route) ? method : method + " " + route);
            span.setAttribute(ROUTE, route);
            span.setAttribute(STATUS, (long) status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR); // 4xx are the client's doing, not the server's (semconv)
            }
            span.end();
        }
    }
}
