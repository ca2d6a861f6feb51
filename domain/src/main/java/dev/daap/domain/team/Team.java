package dev.daap.domain.team;

import java.time.Instant;
import java.util.Objects;

/** A team that owns databases and API keys. Its slug never changes; the display name is for people. */
public record Team(TeamSlug slug, String displayName, Instant createdAt) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;

    public Team {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(createdAt, "createdAt");
        checkDisplayName(displayName);
    }

    /** Throws {@link IllegalArgumentException} with a message for a client unless {@code value} is a display name. */
    public static String checkDisplayName(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("is required");
        }
        if (value.codePointCount(0, value.length()) > MAX_DISPLAY_NAME_LENGTH) {
            throw new IllegalArgumentException("must be at most " + MAX_DISPLAY_NAME_LENGTH + " characters long");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("must not contain control characters");
        }
        return value;
    }
}
