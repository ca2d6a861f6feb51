package dev.daap.adapters.http.protocol;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id of a request: echoed from a sane incoming {@code X-Request-Id} (so a caller's id follows the
 * request through our logs), otherwise a fresh UUID. Every response carries it, and while the request runs the
 * logging MDC holds it with the method and path, so every log line of the request can be found by it.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_REQUEST_ID = "request_id";
    public static final String MDC_METHOD = "http_method";
    public static final String MDC_PATH = "http_path";
    private static final String ATTRIBUTE = "daap.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** Runs before every handler; Javalin runs a request's handlers on one (virtual) thread, as the MDC needs. */
    public static void assign(Context ctx) {
        String id = fromHeader(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
        MDC.put(MDC_REQUEST_ID, id);
        MDC.put(MDC_METHOD, ctx.req().getMethod());
        MDC.put(MDC_PATH, ctx.path());
    }

    /** Runs after every handler, failed or not. */
    public static void release(Context ctx) {
        MDC.remove(MDC_REQUEST_ID);
        MDC.remove(MDC_METHOD);
        MDC.remove(MDC_PATH);
    }

    /** The id assigned to this request; assigns one if the request never passed {@link #assign}. */
    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            assign(ctx);
            id = ctx.attribute(ATTRIBUTE);
        }
        return id;
    }

    /** The incoming id if it is safe to log and echo, else a new one. */
    public static String fromHeader(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches()
                ? incoming
                : UUID.randomUUID().toString();
    }
}
