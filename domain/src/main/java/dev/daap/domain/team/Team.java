package dev.daap.domain.team;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A team that owns databases and API keys. Its slug never changes; the display name is for people.
 *
 * @param maxDatabases  how many live databases it may have; null: the installation's default
 * @param monthlyBudget what it may spend a month; null: no budget
 */
public record Team(
        TeamSlug slug, String displayName, Instant createdAt, Integer maxDatabases, MonthlyBudget monthlyBudget) {
    public static final int MAX_DISPLAY_NAME_LENGTH = 200;
    public static final int MAX_DATABASES_LIMIT = 1_000_000;

    public Team {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(createdAt, "createdAt");
        checkDisplayName(displayName);
        if (maxDatabases != null) {
            checkMaxDatabases(maxDatabases);
        }
    }

    /** A team with the installation's quota and no budget. */
    public Team(TeamSlug slug, String displayName, Instant createdAt) {
        this(slug, displayName, createdAt, null, null);
    }

    /** The same team with its own quota (null: the default) and budget (null: none). */
    public Team withLimits(Integer newMaxDatabases, MonthlyBudget newBudget) {
        return new Team(slug, displayName, createdAt, newMaxDatabases, newBudget);
    }

    public Optional<MonthlyBudget> budget() {
        return Optional.ofNullable(monthlyBudget);
    }

    /** Throws {@link IllegalArgumentException} unless {@code value} is a quota of databases. */
    public static int checkMaxDatabases(long value) {
        if (value < 0 || value > MAX_DATABASES_LIMIT) {
            throw new IllegalArgumentException("must be from 0 to " + MAX_DATABASES_LIMIT);
        }
        return (int) value;
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
