package dev.daap.domain.common;

import dev.daap.domain.error.FieldError;
import dev.daap.domain.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every invalid field of one input before failing, so that a client learns all its mistakes at once.
 * Value objects reject bad values with {@link IllegalArgumentException}; this names the field that held them.
 */
public final class Validation {
    private final List<FieldError> errors = new ArrayList<>();

    /** Builds a value from a field; on failure records the error and returns null. */
    public <T> T field(String name, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return null;
        }
    }

    /** Like {@link #field} but an absent raw value stays absent (null) without an error. */
    public <R, T> T optionalField(String name, R raw, java.util.function.Function<R, T> factory) {
        return raw == null ? null : field(name, () -> factory.apply(raw));
    }

    public void fail(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    /** Throws an {@link InvalidInputException} naming every recorded field, if any. */
    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
