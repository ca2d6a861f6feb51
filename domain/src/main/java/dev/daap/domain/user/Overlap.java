package dev.daap.domain.user;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the previous login keeps working after a rotation: {@code 0} (the default: it stops at once), or a number
 * with {@code s}, {@code m} or {@code h}, such as {@code 90s}, {@code 30m}, {@code 1h}; at most a week.
 */
public record Overlap(Duration value) {
    public static final Duration MAX = Duration.ofDays(7); // before NONE, whose check reads it
    public static final Overlap NONE = new Overlap(Duration.ZERO);

    public Overlap {
        Objects.requireNonNull(value, "value");
        if (value.isNegative() || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("must be 0 to 168h");
        }
    }

    /** Parses {@code 0}, {@code 90s}, {@code 30m} or {@code 1h}; null or blank is {@link #NONE}. */
    public static Overlap parse(String text) {
        if (text == null || text.isBlank() || text.equals("0")) {
            return NONE;
        }
        String digits = text.substring(0, text.length() - 1);
        char unit = text.charAt(text.length() - 1);
        if (digits.isEmpty() || digits.length() > 7 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("must be 0 or a number with s, m or h, such as 30m or 1h");
        }
        long amount = Long.parseLong(digits);
        Duration duration = switch (unit) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("must be 0 or a number with s, m or h, such as 30m or 1h");
        };
        return new Overlap(duration);
    }

    public boolean none() {
        return value.isZero();
    }
}
