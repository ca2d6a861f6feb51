package dev.daap.adapters.http;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves one millisecond forward on every reading, so creation order is also time order. */
final class SteppingClock extends Clock {
    private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-25T14:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests run in UTC");
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.getAndIncrement()).plusNanos(123_456);
    }
}
