package dev.daap.testing.http;

import dev.daap.testing.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

/**
 * The tests' client of DAAP's API over real HTTP (the JDK's client, HTTP/1.1 as DAAP serves it): requests go to one
 * base URL with one bearer token, or none, and answer a {@link TestResponse}. A JSON body goes out as
 * {@value #JSON}, a PATCH body as {@value #MERGE_PATCH}; {@link #send(String, String, String, String, String...)}
 * sends anything else. Extra headers are name/value pairs.
 */
public final class TestClient implements AutoCloseable {
    public static final String JSON = "application/json";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String baseUrl;
    private final String token;

    private TestClient(HttpClient http, String baseUrl, String token) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** A client with connections of its own to {@code baseUrl} ({@code http://127.0.0.1:8080}), sending no token. */
    public static TestClient to(String baseUrl) {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return new TestClient(http, baseUrl, null);
    }

    /** The same client (base URL and connections) sending {@code token} as its bearer token; null sends none. */
    public TestClient as(String token) {
        return new TestClient(http, baseUrl, token);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    public TestResponse get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    /** A POST with a JSON body, or with none when {@code json} is null (as actions such as retry take). */
    public TestResponse post(String path, String json, String... headers) {
        return send("POST", path, json == null ? null : JSON, json, headers);
    }

    public TestResponse patch(String path, String json, String... headers) {
        return send("PATCH", path, MERGE_PATCH, json, headers);
    }

    public TestResponse delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** @param contentType null sends no Content-Type; {@code body} null sends no body */
    public TestResponse send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = request(path, headers)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    /** A request with this client's URL, token and timeout, for a test to finish (a body of raw bytes, say). */
    public HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    public TestResponse send(HttpRequest request) {
        HttpResponse<String> response = exchange(request, BodyHandlers.ofString());
        OpenApiContract.check(response); // every answer a test gets must be what the contract promises
        return new TestResponse(response.statusCode(), response.headers(), response.body());
    }

    /** Sends a request whose body the caller reads itself, e.g. a stream of events. */
    <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request, body);
        } catch (IOException e) {
            throw new UncheckedIOException("request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Closes the connections, so that a server's graceful stop has none to wait for; also those of the clients made
     * from this one by {@link #as}.
     */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
