package dev.daap.bootstrap;

import dev.daap.adapters.http.event.EventUseCases;
import dev.daap.adapters.postgres.event.EventRelay;
import dev.daap.adapters.postgres.event.JooqEventLog;
import dev.daap.application.event.EventHub;
import dev.daap.application.event.ListEvents;
import dev.daap.application.event.WatchEvents;
import dev.daap.bootstrap.observability.MeasuredFanOut;

/**
 * The live side of the event log in one instance: the hub that streams subscribe to, and the relay that reads
 * the table (cued by LISTEN/NOTIFY, after every reconnect, and by polling) and hands new events to the hub.
 */
final class LiveEvents implements AutoCloseable {
    private final EventHub hub;
    private final EventRelay relay;
    private final EventUseCases useCases;

    private LiveEvents(EventHub hub, EventRelay relay, EventUseCases useCases) {
        this.hub = hub;
        this.relay = relay;
        this.useCases = useCases;
    }

    /**
     * Starts the relay when the schema is current; without it the events table may be missing, so the streams
     * stay silent until the next start (the instance is unready meanwhile anyway).
     */
    static LiveEvents start(DaapConfig config, Wiring wiring, JdbcTarget metadata, boolean schemaCurrent) {
        DaapConfig.EventConfig settings = config.events();
        var hub = new EventHub(settings.buffer());
        EventRelay relay = null;
        if (schemaCurrent) {
            relay = new EventRelay(
                    metadata.unpooled(),
                    wiring.events,
                    JooqEventLog.channelFor(config.schema()),
                    new MeasuredFanOut(hub, wiring.telemetry.registry(), wiring.clock),
                    settings.pollInterval());
            relay.start(); // before the HTTP server: the first stream must find the relay's position
        }
        var useCases = new EventUseCases(
                new ListEvents(wiring.events), new WatchEvents(wiring.events, hub), settings.heartbeat());
        return new LiveEvents(hub, relay, useCases);
    }

    EventUseCases useCases() {
        return useCases;
    }

    /** Ends every open stream, so that a graceful HTTP stop does not wait for them; clients resume elsewhere. */
    void endStreams() {
        hub.close();
    }

    @Override
    public void close() {
        hub.close();
        if (relay != null) {
            relay.close();
        }
    }
}
