package dev.daap.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' clock, in UTC. It stands still until a test moves it ({@link #advance}), so leases and retry times are
 * reached without waiting; made {@link #stepping}, it also moves on by a step at every reading, so that what a test
 * makes one after another is in time order too. Safe to read from several threads.
 */
public final class TestClock extends Clock {
    private final AtomicReference<Instant> now;
    private final Duration step;

    private TestClock(Instant start, Duration step) {
        this.now = new AtomicReference<>(start);
        this.step = step;
    }

    /** Reads {@code start} until a test advances it. */
    public static TestClock at(Instant start) {
        return new TestClock(start, Duration.ZERO);
    }

    /** Reads {@code start} first, then {@code step} later at every reading. */
    public static TestClock stepping(Instant start, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("a stepping clock moves forward");
        }
        return new TestClock(start, step);
    }

    public void advance(Duration by) {
        now.updateAndGet(instant -> instant.plus(by));
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(instant -> instant.plus(step));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests run in UTC");
    }
}
