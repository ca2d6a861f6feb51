package dev.daap.adapters.http.event;

import dev.daap.application.event.ListEvents;
import dev.daap.application.event.WatchEvents;
import java.time.Duration;
import java.util.Objects;

/**
 * What {@code GET /v1/events} needs: the page of past events, the live stream, and how long a stream may stay
 * silent before it sends a keep-alive comment.
 */
public record EventUseCases(ListEvents list, WatchEvents watch, Duration heartbeat) {
    public EventUseCases {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(watch, "watch");
        if (heartbeat == null || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive");
        }
    }
}
