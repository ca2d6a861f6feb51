package dev.daap.adapters.http.idempotency;

import dev.daap.domain.idempotency.StoredResponse;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Takes a finished response off the context to be stored, and puts a stored one back for a replay. */
final class ResponseCopies {
    static final String REPLAYED = "Idempotent-Replayed";
    /** What describes the result; per-request headers such as X-Request-Id are the replay's own. */
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag");

    private ResponseCopies() {}

    static StoredResponse capture(Context ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = ctx.res().getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        byte[] body = bodyOf(ctx);
        ctx.result(body); // reading consumed the result stream; put the same bytes back for the client
        return new StoredResponse(ctx.statusCode(), ctx.res().getContentType(), headers, body);
    }

    static void replay(Context ctx, StoredResponse response) {
        ctx.status(response.status());
        if (response.contentType() != null) {
            ctx.contentType(response.contentType());
        }
        response.headers().forEach(ctx::header);
        ctx.header(REPLAYED, "true");
        ctx.result(response.body());
    }

    private static byte[] bodyOf(Context ctx) {
        try (InputStream result = ctx.resultInputStream()) {
            return result == null ? new byte[0] : result.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an in-memory result: cannot happen
        }
    }
}
