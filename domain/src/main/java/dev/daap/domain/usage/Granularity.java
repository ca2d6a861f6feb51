package dev.daap.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** How long each point of a usage series is: a clock hour or a day, in UTC. */
public enum Granularity {
    HOUR("hour", ChronoUnit.HOURS),
    DAY("day", ChronoUnit.DAYS);

    private final String wireName;
    private final ChronoUnit unit;

    Granularity(String wireName, ChronoUnit unit) {
        this.wireName = wireName;
        this.unit = unit;
    }

    public String wireName() {
        return wireName;
    }

    public Duration step() {
        return unit.getDuration();
    }

    /** The start of the point {@code instant} falls in (an Instant is UTC, so a day is a UTC day). */
    public Instant floor(Instant instant) {
        return instant.truncatedTo(unit);
    }

    /** The end of the point {@code instant} falls in, or {@code instant} itself when it starts one. */
    public Instant ceiling(Instant instant) {
        Instant floor = floor(instant);
        return floor.equals(instant) ? floor : floor.plus(1, unit);
    }

    public static Granularity fromWireName(String name) {
        return Arrays.stream(values())
                .filter(granularity -> granularity.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be hour or day"));
    }
}
