package dev.daap.domain.error;

import java.util.Objects;

/** One invalid input field, named as the client named it (for example {@code owner_team}). */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
