package dev.daap.adapters.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves one millisecond forward on every reading, so creation order is also time order; a test may
 * also jump ahead, e.g. past a lease.
 */
final class SteppingClock extends Clock {
    private final AtomicLong millis =
            new AtomicLong(Instant.parse("2026-11-25T14:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests run in UTC");
    }

    void advance(Duration step) {
        millis.addAndGet(step.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndIncrement()).plusNanos(123_456);
    }
}
