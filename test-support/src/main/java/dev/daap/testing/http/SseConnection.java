package dev.daap.testing.http;

import static org.awaitility.Awaitility.await;

import dev.daap.testing.contract.OpenApiContract;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A Server-Sent Events client for tests: opens the stream, reads it on a virtual thread, and keeps every message
 * and comment it saw. Opening returns once the response headers arrived, which the server sends only after it
 * subscribed, so whatever a test appends afterwards must reach this client.
 */
public final class SseConnection implements AutoCloseable {
    /** One message: its {@code id:}, {@code event:} and {@code data:} lines. */
    public record Message(String id, String event, String data) {}

    private final HttpResponse<Stream<String>> response;
    private final boolean keep;
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile String lastId = "";
    private volatile boolean inOrder = true;
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private SseConnection(HttpResponse<Stream<String>> response, boolean keep) {
        this.response = response;
        this.keep = keep;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens a stream at {@code path} of {@code client}'s server, with its token and these extra headers. */
    public static SseConnection open(TestClient client, String path, Map<String, String> headers) {
        return open(client, path, headers, true);
    }

    /**
     * @param keep false to keep only a count, the last id and whether ids kept rising (ids sort like positions),
     *             for tests that open many streams
     */
    public static SseConnection open(TestClient client, String path, Map<String, String> headers, boolean keep) {
        HttpRequest.Builder request = client.request(path).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpRequest built = request.build();
        HttpResponse<Stream<String>> response = client.exchange(built, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            String body = String.join("\n", response.body().toList());
            OpenApiContract.check(built.method(), response.uri(), response.statusCode(), response.headers(), body);
            throw new AssertionError("the stream answered " + response.statusCode() + ": " + body);
        }
        OpenApiContract.checkWithoutBody(response);
        return new SseConnection(response, keep);
    }

    private void read() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received(new Message(id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).strip());
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null
                            ? new StringBuilder(line.substring(6))
                            : data.append('\n').append(line.substring(6));
                }
            }
        } catch (UncheckedIOException e) {
            // closed by the test, or by the server
        } finally {
            ended = true;
        }
    }

    private void received(Message message) {
        if (message.id() == null || message.id().compareTo(lastId) <= 0) {
            inOrder = false;
        }
        lastId = message.id() == null ? lastId : message.id();
        if (keep) {
            messages.add(message);
        }
        count.incrementAndGet();
    }

    /** Messages received so far, kept or not. */
    public int count() {
        return count.get();
    }

    /** Whether every message had an id greater than the one before: no repeats, no going back. */
    public boolean inOrder() {
        return inOrder;
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public List<String> ids() {
        return messages.stream().map(Message::id).toList();
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public boolean ended() {
        return ended;
    }

    /** Waits until at least {@code count} messages arrived; returns them all. */
    public List<Message> awaitMessages(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> messages.size() >= count);
        return messages();
    }

    public String lastId() {
        return lastId;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
