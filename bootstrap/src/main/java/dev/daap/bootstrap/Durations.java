package dev.daap.bootstrap;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written like {@code 90s}, {@code 30m}, {@code 1h}, {@code 1h30m} or {@code 7d} (also {@code ms}). */
final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private Durations() {}

    static Duration parse(String variable, String text) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw new ConfigException(
                    variable + " must be a duration such as 90s, 30m, 1h or 1h30m, not '" + text + "'");
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(
                        switch (part.group(2)) {
                            case "ms" -> Duration.ofMillis(amount);
                            case "s" -> Duration.ofSeconds(amount);
                            case "m" -> Duration.ofMinutes(amount);
                            case "h" -> Duration.ofHours(amount);
                            default -> Duration.ofDays(amount);
                        });
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new ConfigException(variable + " is too large: '" + text + "'");
        }
        return total;
    }
}
