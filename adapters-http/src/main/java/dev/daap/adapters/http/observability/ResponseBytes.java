package dev.daap.adapters.http.observability;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.server.Response;

/** How many body bytes a response put on the wire, as Jetty counted them (compressed, if it was). */
final class ResponseBytes {
    private ResponseBytes() {}

    static long of(Context ctx) {
        ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
        return request == null ? -1 : Response.getContentBytesWritten(request.getServletContextResponse());
    }
}
