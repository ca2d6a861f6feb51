package dev.daap.adapters.http.observability;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * How many body bytes a response has had written to it, buffered ones included: when the request logger runs,
 * Javalin has written a handler's body to the servlet output, but Jetty may not have sent it yet.
 */
final class ResponseBytes {
    private ResponseBytes() {}

    static long of(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null
                ? -1
                : request.getServletContextResponse().getHttpOutput().getWritten();
    }
}
