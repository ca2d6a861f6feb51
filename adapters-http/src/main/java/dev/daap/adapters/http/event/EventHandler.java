package dev.daap.adapters.http.event;

import dev.daap.adapters.http.protocol.JsonCodec;
import dev.daap.adapters.http.protocol.RequestIds;
import dev.daap.application.event.EventStream;
import dev.daap.application.event.ListEvents;
import dev.daap.application.event.WatchEvents;
import dev.daap.domain.access.Principal;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /v1/events}: a Server-Sent Events stream of the events the caller may see (its team's; every team's
 * for a platform admin), or with {@code format=json} one page of them for clients that poll. Everything that can be
 * refused is checked before the stream starts, so a refusal is still a problem response; once the stream runs,
 * a failure can only end it, and the client resumes with {@code Last-Event-ID}.
 *
 * <p>A stream holds its request's (virtual) thread while it runs: the thread waits on the subscriber's buffer, so a
 * slow client blocks only itself.
 */
public final class EventHandler {
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    private static final Logger log = LoggerFactory.getLogger(EventHandler.class);

    private final ListEvents list;
    private final WatchEvents watch;
    private final JsonCodec json;
    private final Function<Context, Principal> principals;
    private final Duration heartbeat;

    /**
     * @param principals who the caller is; supplied by the authentication in front of the routes, and may throw
     *                   its own refusal (which becomes a problem response like any other)
     * @param heartbeat  how long a stream may stay silent before it sends a keep-alive comment
     */
    public EventHandler(
            ListEvents list,
            WatchEvents watch,
            JsonCodec json,
            Function<Context, Principal> principals,
            Duration heartbeat) {
        this.list = list;
        this.watch = watch;
        this.json = json;
        this.principals = principals;
        this.heartbeat = heartbeat;
    }

    public void events(Context ctx) throws IOException {
        Principal principal = principals.apply(ctx);
        EventParameters parameters = EventParameters.from(ctx);
        if (parameters.json()) {
            json.respond(ctx, 200, EventPageResponse.from(list.execute(principal, parameters.query())));
            return;
        }
        try (EventStream stream = watch.open(principal, parameters.query())) {
            HttpServletResponse response = ctx.res();
            response.setStatus(200);
            response.setContentType("text/event-stream;charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Accel-Buffering", "no"); // nginx would otherwise hold events back in its buffer
            stream(ctx, stream, new EventStreamWriter(response.getOutputStream(), json, heartbeat));
        }
    }

    private void stream(Context ctx, EventStream stream, EventStreamWriter writer) {
        try {
            writer.run(stream);
        } catch (IOException e) {
            log.debug("event stream ended: the client went away (request_id={})", RequestIds.of(ctx));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the server is stopping
        } catch (RuntimeException e) {
            // The response has started: no problem can be sent, and the client resumes from its last id.
            log.warn(
                    "event stream ended by a failure after {} (request_id={})",
                    stream.lastPosition(),
                    RequestIds.of(ctx),
                    e);
        }
    }
}
