package dev.daap.adapters.http.event;

import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.application.event.EventStream;
import dev.daap.application.event.Subscription;
import dev.daap.domain.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Writes one {@link EventStream} as Server-Sent Events until it ends or the client goes away. Each event is one
 * message: {@code id:} its position (what the client's {@code Last-Event-ID} sends back), {@code event:} its type,
 * {@code data:} its JSON on one line. An idle stream sends a comment every {@code heartbeat}, so proxies keep the
 * connection open and a client that went away is noticed.
 */
final class EventStreamWriter {
    /** How long a browser's EventSource waits before it reconnects, resuming with the last id it got. */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final OutputStream out;
    private final JsonCodec json;
    private final Duration heartbeat;

    EventStreamWriter(OutputStream out, JsonCodec json, Duration heartbeat) {
        this.out = out;
        this.json = json;
        this.heartbeat = heartbeat;
    }

    /** Returns when the stream ended; throws when the client went away (the write failed). */
    void run(EventStream stream) throws IOException, InterruptedException {
        send(text("retry: " + RECONNECT_AFTER.toMillis() + "\n\n"));
        while (!stream.ended()) {
            List<Event> events = stream.next(heartbeat);
            if (!events.isEmpty()) {
                send(messages(events));
            } else if (!stream.ended()) {
                send(text(": keep-alive\n\n"));
            }
        }
        if (stream.state() == Subscription.State.LAGGED) {
            send(text(": lagged behind; reconnect with Last-Event-ID to resume\n\n"));
        }
    }

    private byte[] messages(List<Event> events) {
        var buffer = new ByteArrayOutputStream(256 * events.size());
        for (Event event : events) {
            // An id or type never holds a line break (a hex position, a fixed name); JSON escapes its own.
            buffer.writeBytes(text("id: " + event.position().encode() + "\nevent: "
                    + event.type().wireName() + "\ndata: "));
            buffer.writeBytes(json.write(EventResponse.from(event)));
            buffer.writeBytes(text("\n\n"));
        }
        return buffer.toByteArray();
    }

    private void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
