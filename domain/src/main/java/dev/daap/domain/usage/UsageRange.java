package dev.daap.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The points a usage read answers: whole points of {@code granularity} from the one {@code from} falls in to the one
 * {@code to} ends (so a range of hours from 10:20 to 12:10 is the three hours 10:00, 11:00 and 12:00). At most
 * {@link #MAX_POINTS} points, so every answer is bounded whatever range a client asks for.
 */
public record UsageRange(Instant from, Instant to, Granularity granularity) {
    public static final int MAX_POINTS = 1000;

    public UsageRange {
        Objects.requireNonNull(granularity, "granularity");
        from = granularity.floor(Objects.requireNonNull(from, "from"));
        to = granularity.ceiling(Objects.requireNonNull(to, "to"));
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("to must be after from");
        }
        long points = Duration.between(from, to).dividedBy(granularity.step());
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("the range holds " + points + " points of a " + granularity.wireName()
                    + "; at most " + MAX_POINTS + " are answered: shorten it, or ask for days");
        }
    }

    /** The last {@code length} up to {@code now}, in points of {@code granularity}. */
    public static UsageRange last(Duration length, Instant now, Granularity granularity) {
        return new UsageRange(now.minus(length), now, granularity);
    }
}
