package dev.daap.adapters.http;

import dev.daap.adapters.http.problem.Problem;
import dev.daap.adapters.http.problem.ProblemType;
import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.RequestIds;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Problem bodies for the errors Jetty answers before a request reaches Javalin: an unparsable request line or
 * URI, headers too large, a request that arrives during shutdown. Jetty's default is an HTML page.
 */
final class JettyProblemErrorHandler extends ErrorHandler {
    private final JsonCodec json;

    JettyProblemErrorHandler(JsonCodec json) {
        this.json = json;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String reason = request.getAttribute(ERROR_MESSAGE) instanceof String message ? message : null;
        if (request.getAttribute(ERROR_EXCEPTION) instanceof HttpException httpException) {
            status = httpException.getCode();
            reason = reason == null ? httpException.getReason() : reason;
            response.setStatus(status);
        }
        String requestId = RequestIds.fromHeader(request.getHeaders().get(RequestIds.HEADER));
        response.getHeaders().put(RequestIds.HEADER, requestId);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (HttpStatus.hasNoBody(status) || "HEAD".equals(request.getMethod())) {
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        byte[] body = json.write(problem(status, reason, requestId));
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /**
     * No {@code instance}: for a request Jetty could not parse, the path it reports is a placeholder. Jetty's
     * reason for a 4xx describes the client's request ("Bad URI"), so it is safe to pass on; a 5xx gets none.
     */
    private static Problem problem(int status, String reason, String requestId) {
        ProblemType type = ProblemType.forStatus(status);
        String detail = status < 500 && reason != null && !reason.isBlank()
                ? "the request could not be processed: " + reason
                : type.title();
        return Problem.of(type, detail, null, List.of(), requestId);
    }
}
