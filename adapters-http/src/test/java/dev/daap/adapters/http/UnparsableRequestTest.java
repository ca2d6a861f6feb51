package dev.daap.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Requests Jetty refuses before Javalin sees them still get problem bodies, not Jetty's HTML page. */
class UnparsableRequestTest extends ApiTest {

    @Test
    void aGarbledRequestLineIsA400Problem() {
        String response = raw("GARBAGE\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).containsIgnoringCase("X-Request-Id: ");
        assertThat(response).contains("\"type\":\"https://daap.dev/problems/malformed-request\"", "\"status\":400");
    }

    @Test
    void aBrokenPercentEncodingIsA400Problem() {
        String response = raw("PATCH /v1/databases/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"https://daap.dev/problems/malformed-request\"");
    }

    @Test
    void aUtf16EscapeInThePathIsA400ProblemNotA500() {
        String response = raw("GET /v1/databases/%u0041 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).contains("\"type\":\"https://daap.dev/problems/malformed-request\"");
    }

    @Test
    void aBrokenChunkedBodyIsA400ProblemNotA500() {
        String response = raw("POST /v1/databases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + TestApi.ADMIN_TOKEN
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 400 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"https://daap.dev/problems/malformed-request\"");
    }

    @Test
    void headersTooLargeAreA431Problem() {
        String response = raw("GET /v1/databases HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");

        assertThat(response).startsWith("HTTP/1.1 431 ");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"https://daap.dev/problems/headers-too-large\"", "\"status\":431");
    }

    private String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", api.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
