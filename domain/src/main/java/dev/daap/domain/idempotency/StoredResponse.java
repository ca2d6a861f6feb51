package dev.daap.domain.idempotency;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * A response as it is replayed: status, media type, the headers that describe the result, and the body bytes.
 * The arrays are copied in and out, so a stored response cannot change after the fact.
 *
 * @param contentType null when the response had no body type
 * @param headers     only headers a replay must repeat (such as Location and ETag), never per-request ones
 */
public record StoredResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public StoredResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status, was " + status);
        }
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
        body = Objects.requireNonNull(body, "body").clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredResponse that
                && status == that.status
                && Objects.equals(contentType, that.contentType)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, contentType, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "StoredResponse[status=" + status + ", contentType=" + contentType + ", headers=" + headers + ", body="
                + body.length + " bytes]";
    }
}
