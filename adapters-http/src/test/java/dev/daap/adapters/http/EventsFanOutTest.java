package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.daap.domain.event.EventPosition;
import dev.daap.domain.event.EventType;
import dev.daap.domain.event.NewEvent;
import dev.daap.domain.team.TeamSlug;
import dev.daap.testing.http.SseConnection;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two hundred streams on one handler, and one client that never reads: every reader gets every event of its team,
 * in order and once, while the one that does not read is dropped as lagged, so no buffer outgrows its bound.
 */
class EventsFanOutTest {
    private static final int READERS = 200;
    private static final int BUFFER = 100;
    private static final int CHUNK = 50;
    private static final int MOST_EVENTS = 4_000;
    /** The server's socket send buffer: small, so a client that does not read fills it after a few dozen events. */
    private static final int SEND_BUFFER = 4_096;

    private final EventApi api = new EventApi(BUFFER, Duration.ofSeconds(15), SEND_BUFFER);
    private final TeamSlug team = EventApi.aTeam();
    private final List<SseConnection> readers = new ArrayList<>();

    @AfterEach
    void stop() {
        readers.forEach(SseConnection::close);
        api.close();
    }

    @Test
    void everyReaderGetsEveryEventWhileTheClientThatNeverReadsIsDropped() throws Exception {
        for (int i = 0; i < READERS; i++) {
            readers.add(
                    SseConnection.open(api.client, "/v1/events", Map.of(EventApi.TEAM_HEADER, team.value()), false));
        }
        SseConnection otherTeam = api.stream(EventApi.aTeam().value(), "");
        try (Socket neverReads = openWithoutReading()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> api.hub.subscriberCount() == READERS + 2);

            List<EventPosition> appended = new ArrayList<>();
            AtomicInteger largestBuffer = new AtomicInteger();
            while (api.hub.subscriberCount() > READERS + 1 && appended.size() < MOST_EVENTS) {
                appended.addAll(appendChunk());
                int sent = appended.size();
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    largestBuffer.accumulateAndGet(api.hub.largestBuffer(), Math::max);
                    return readers.stream().allMatch(reader -> reader.count() >= sent);
                });
            }

            assertThat(api.hub.subscriberCount())
                    .as("the client that never reads was dropped (%d events sent)", appended.size())
                    .isEqualTo(READERS + 1);
            assertThat(largestBuffer.get()).isLessThanOrEqualTo(BUFFER);
            String last = appended.getLast().encode();
            assertThat(readers).allSatisfy(reader -> {
                assertThat(reader.count()).isEqualTo(appended.size());
                assertThat(reader.inOrder()).isTrue();
                assertThat(reader.lastId()).isEqualTo(last);
                assertThat(reader.ended()).isFalse();
            });
            assertThat(otherTeam.count()).isZero();
        } finally {
            otherTeam.close();
        }
    }

    /** One transaction of {@link #CHUNK} events: the relay hands them on in one batch, which a buffer fits. */
    private List<EventPosition> appendChunk() {
        return api.transactions.inTransaction(() -> {
            List<EventPosition> positions = new ArrayList<>();
            for (int i = 0; i < CHUNK; i++) {
                positions.add(api.log.append(new NewEvent(
                        Instant.now(),
                        EventType.DATABASE_STATUS_CHANGED,
                        team,
                        UUID.randomUUID(),
                        Map.of("name", "orders", "from", "provisioning", "to", "ready"))));
            }
            return positions;
        });
    }

    /** A stream request from a client with a tiny receive window that then never reads a byte. */
    private Socket openWithoutReading() throws IOException {
        var socket = new Socket();
        socket.setReceiveBufferSize(1_024);
        socket.connect(new InetSocketAddress("127.0.0.1", api.port()), 5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n" + EventApi.TEAM_HEADER
                        + ": " + team.value() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
