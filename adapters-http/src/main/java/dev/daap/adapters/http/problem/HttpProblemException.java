package dev.daap.adapters.http.problem;

import dev.daap.domain.error.FieldError;
import java.util.List;

/**
 * A request the HTTP layer refuses before any use case runs: broken JSON, a wrong media type, a body too large,
 * a broken If-Match. The domain's own refusals are {@code DomainException}s.
 */
public final class HttpProblemException extends RuntimeException {
    private final transient ProblemType type;
    private final transient List<FieldError> errors;

    public HttpProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail, null, false, false); // a client error, not a bug: no stack trace to fill or log
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static HttpProblemException malformed(String detail, List<FieldError> errors) {
        return new HttpProblemException(ProblemType.MALFORMED_REQUEST, detail, errors);
    }

    public static HttpProblemException malformed(String detail) {
        return malformed(detail, List.of());
    }

    public static HttpProblemException unsupportedMediaType(String detail) {
        return new HttpProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail, List.of());
    }

    public static HttpProblemException payloadTooLarge(long maxBytes) {
        return new HttpProblemException(ProblemType.PAYLOAD_TOO_LARGE, tooLargeDetail(maxBytes), List.of());
    }

    static String tooLargeDetail(long maxBytes) {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
