package dev.daap.adapters.http.idempotency;

import dev.daap.adapters.http.problem.HttpProblemException;
import dev.daap.domain.error.FieldError;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The {@code Idempotency-Key} request header: absent, or 1–255 visible ASCII characters, else a 400 problem. */
final class IdempotencyKeyHeader {
    static final String NAME = "Idempotency-Key";
    private static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {}

    static boolean isPresent(Context ctx) {
        return ctx.req().getHeaders(NAME).hasMoreElements();
    }

    static Optional<String> read(Context ctx) {
        List<String> lines = Collections.list(ctx.req().getHeaders(NAME));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        // Two keys on one request leave no way to tell which the client meant.
        if (lines.size() > 1 || !isValid(lines.getFirst())) {
            throw HttpProblemException.malformed(
                    "the Idempotency-Key header must be one value of 1 to " + MAX_LENGTH + " visible ASCII characters",
                    List.of(new FieldError(NAME, "must be 1 to " + MAX_LENGTH + " visible ASCII characters")));
        }
        return Optional.of(lines.getFirst());
    }

    static boolean isValid(String key) {
        return !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }
}
