package dev.daap.bootstrap.observability;

import dev.daap.application.event.EventHub;
import dev.daap.domain.event.Event;
import dev.daap.domain.event.EventFanOut;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The hub as the event relay sees it, measured: how long each event took from its time (stamped in the
 * transaction that wrote it, just before that commit) to the moment the relay hands it to the streams, and how
 * many streams are open.
 */
public final class MeasuredFanOut implements EventFanOut {
    private static final Duration[] BUCKETS = {
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30)
    };
    private final EventHub hub;
    private final Timer lag;
    private final Clock clock;

    public MeasuredFanOut(EventHub hub, MeterRegistry registry, Clock clock) {
        this.hub = hub;
        this.clock = clock;
        this.lag = Timer.builder("daap.events.relay.lag")
                .description("From an event's commit to its hand-over to this instance's open streams")
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
        Gauge.builder("daap.event.streams.open", hub, EventHub::subscriberCount)
                .description("Event streams (SSE) open on this instance")
                .register(registry);
    }

    @Override
    public void publish(List<Event> events) {
        var now = clock.instant();
        for (Event event : events) {
            lag.record(Duration.between(event.occurredAt(), now));
        }
        hub.publish(events);
    }

    @Override
    public boolean hasSubscribers() {
        return hub.hasSubscribers();
    }
}
