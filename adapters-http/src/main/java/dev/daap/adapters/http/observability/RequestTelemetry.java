package dev.daap.adapters.http.observability;

import dev.daap.domain.access.Principal;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Map;
import org.slf4j.MDC;

/**
 * What every request leaves behind for operators: a server span (joining the caller's trace when a W3C
 * {@code traceparent} came along), a sample in the request histogram by route template, method and status, and an
 * access log line. The span is current from the first before-handler to the last after-handler, so every log line
 * of the request carries its trace id, and so does a problem response.
 */
public final class RequestTelemetry {
    public static final String MDC_TRACE_ID = "trace_id";
    public static final String MDC_KEY_ID = "key_id";
    public static final String MDC_TEAM = "team";
    /** The route label of a request that matched no route: its path would make a label per scanner's guess. */
    static final String UNMATCHED = "unmatched";

    private static final String ATTRIBUTE = "daap.telemetry";
    private final ServerSpans spans;
    private final UseCaseSpans useCases;
    private final RequestMetrics metrics;
    private final AccessLog accessLog;

    public RequestTelemetry(MeterRegistry meters, OpenTelemetry openTelemetry, boolean accessLog) {
        this.spans = new ServerSpans(openTelemetry);
        this.useCases = new UseCaseSpans(openTelemetry);
        this.metrics = new RequestMetrics(meters);
        this.accessLog = accessLog ? new AccessLog() : null;
    }

    /** Registers the handlers; call before any other before-handler is registered, so that this one runs first. */
    public void register(JavalinConfig config) {
        RoutesConfig routes = config.routes;
        routes.before(this::begin);
        routes.after(this::leave);
        config.requestLogger.http((ctx, executionMillis) -> end(ctx));
    }

    /** The spans of the use cases the routes run, inside the request's. */
    public UseCaseSpans useCases() {
        return useCases;
    }

    /** No metrics, no spans, no access log: for tests of everything else. */
    public static RequestTelemetry none() {
        return new RequestTelemetry(new CompositeMeterRegistry(), OpenTelemetry.noop(), false);
    }

    /**
     * Who the authenticated caller is, for the rest of the request's log lines and its access log line: the key's
     * id and team, and the key's prefix (the public part of a token that finds the key; never the secret).
     */
    public static void identify(Context ctx, Principal principal, String keyPrefix) {
        MDC.put(MDC_KEY_ID, principal.keyId().toString());
        principal.teamSlug().ifPresent(team -> MDC.put(MDC_TEAM, team.value()));
        InFlight request = ctx.attribute(ATTRIBUTE);
        if (request != null) {
            request.keyPrefix = keyPrefix;
        }
    }

    private void begin(Context ctx) {
        var request = new InFlight(System.nanoTime(), spans.start(ctx));
        ctx.attribute(ATTRIBUTE, request);
        String traceId = request.span.traceId();
        if (traceId != null) {
            MDC.put(MDC_TRACE_ID, traceId);
        }
    }

    /** Runs after every handler, failed or not, on the request's thread: the span stops being current here. */
    private void leave(Context ctx) {
        InFlight request = ctx.attribute(ATTRIBUTE);
        if (request != null) {
            request.span.leave();
            if (accessLog != null) {
                request.logContext = MDC.getCopyOfContextMap(); // for the access log line, written once the body is out
            }
        }
        MDC.remove(MDC_TRACE_ID);
        MDC.remove(MDC_KEY_ID);
        MDC.remove(MDC_TEAM);
    }

    /** Runs once the response is written: its status and size are final. */
    private void end(Context ctx) {
        InFlight request = ctx.attribute(ATTRIBUTE);
        if (request == null) {
            return;
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - request.started);
        String method = ctx.req().getMethod();
        String route = route(ctx);
        int status = ctx.statusCode();
        request.span.end(method, route, status);
        metrics.record(method, route, status, duration);
        if (accessLog != null) {
            writeAccessLog(ctx, request, method, route, status, duration);
        }
    }

    /**
     * With the request's log context (ids of the request, trace and key), which its after-handlers have cleared: put
     * back key by key and removed again. Setting the copy as the whole context, and the thread's own context back
     * after it, made two more copies of the map per request (MDC copies were 1.7 % of the CPU samples of a JFR
     * profile of bench/run's reads, 2026-12-03).
     */
    private void writeAccessLog(
            Context ctx, InFlight request, String method, String route, int status, Duration duration) {
        Map<String, String> context = request.logContext == null ? Map.of() : request.logContext;
        context.forEach(MDC::put);
        try {
            accessLog.write(method, route, status, duration, ResponseBytes.of(ctx), request.keyPrefix);
        } finally {
            context.keySet().forEach(MDC::remove);
        }
    }

    /** The template of the route that answered ({@code /v1/databases/{id}}), never the path itself. */
    static String route(Context ctx) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? UNMATCHED : endpoint.path;
    }

    /** One request's telemetry between its handlers. */
    private static final class InFlight {
        final long started;
        final ServerSpans.Started span;
        volatile String keyPrefix;
        volatile Map<String, String> logContext;

        InFlight(long started, ServerSpans.Started span) {
            this.started = started;
            this.span = span;
        }
    }
}
