package dev.daap.adapters.http.protocol;

import dev.daap.adapters.http.problem.HttpProblemException;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/**
 * Reads request bodies after checking their media type and size. The size is checked against
 * {@code Content-Length} before reading, so an oversized body is refused without being read (and, with
 * {@code Expect: 100-continue}, without being sent); Javalin's own limit covers bodies of unknown length.
 */
public final class RequestBodies {
    private final long maxBytes;

    public RequestBodies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The body, if its media type is one of {@code accepted} (compared without parameters) and it fits. */
    public byte[] read(Context ctx, List<String> accepted) {
        requireMediaType(ctx.header("Content-Type"), accepted);
        if (ctx.req().getContentLengthLong() > maxBytes) {
            throw HttpProblemException.payloadTooLarge(maxBytes);
        }
        return ctx.bodyAsBytes();
    }

    private static void requireMediaType(String contentType, List<String> accepted) {
        if (contentType == null || contentType.isBlank()) {
            throw HttpProblemException.unsupportedMediaType(
                    "the request needs a Content-Type header: " + String.join(" or ", accepted));
        }
        String[] parts = contentType.split(";");
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(mediaType)) {
            throw HttpProblemException.unsupportedMediaType(
                    "the request body must be " + String.join(" or ", accepted));
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
            if (parameter.startsWith("charset=") && !parameter.equals("charset=utf-8")) {
                throw HttpProblemException.unsupportedMediaType("JSON request bodies must be encoded in UTF-8");
            }
        }
    }
}
