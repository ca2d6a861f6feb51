package dev.daap.domain.database;

/** Why the database exists, in the owner's words: 1–1000 characters, not only white space. */
public record Purpose(String value) {
    public static final int MAX_LENGTH = 1000;

    public Purpose {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_LENGTH + " characters long");
        }
        if (value.indexOf('\u0000') >= 0) {
            throw new IllegalArgumentException("must not contain NUL characters");
        }
    }
}
