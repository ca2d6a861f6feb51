package dev.daap.domain.common;

import java.util.regex.Pattern;

/**
 * The one naming rule that database names and team slugs share. It is also a valid PostgreSQL identifier
 * that needs no quoting and fits NAMEDATALEN (63 bytes), which the provisioner relies on.
 */
public final class Slugs {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 63;
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9-]*");

    private Slugs() {
    }

    public static void check(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long");
        }
        if (!SLUG.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must contain only lowercase letters, digits and hyphens, and start with a letter");
        }
    }
}
