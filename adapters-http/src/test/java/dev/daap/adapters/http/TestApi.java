package dev.daap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.database.DatabaseUseCases;
import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.testing.InMemoryDatabases;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;

/**
 * The real {@link HttpServer} on a free port, wired to the real use cases over the in-memory store, and a real
 * HTTP client to drive it.
 */
final class TestApi implements AutoCloseable {
    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    final InMemoryDatabases store = new InMemoryDatabases();
    final ScriptedDatabases databases = new ScriptedDatabases(store);
    final SteppingClock clock = new SteppingClock();
    final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApi(HttpSettings settings, ReadinessCheck readiness) {
        var transactions = new DirectTransactions();
        var useCases = new DatabaseUseCases(
                new CreateDatabase(transactions, databases, new UuidV7Generator(clock), clock),
                new GetDatabase(databases),
                new ListDatabases(databases),
                new UpdateDatabase(transactions, databases, clock),
                new DeleteDatabase(transactions, databases, clock));
        server = new HttpServer(useCases, readiness, settings);
        server.start();
    }

    static TestApi start() {
        return start(HttpSettings.defaults());
    }

    static TestApi start(HttpSettings settings) {
        return new TestApi(settings.withPort(0).withHost("127.0.0.1"),
                () -> new Readiness(true, Map.of("database", "ok")));
    }

    static TestApi start(ReadinessCheck readiness) {
        return new TestApi(HttpSettings.defaults().withPort(0).withHost("127.0.0.1"), readiness);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
    }

    ApiResponse get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    ApiResponse post(String path, String json, String... headers) {
        return send("POST", path, JSON, json, headers);
    }

    ApiResponse patch(String path, String json, String... headers) {
        return send("PATCH", path, MERGE_PATCH, json, headers);
    }

    ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, null, headers);
    }

    /** {@code headers} are name/value pairs. */
    ApiResponse send(String method, String path, String contentType, String body, String... headers) {
        BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body);
        return send(request(method, path, contentType, headers).method(method, publisher).build());
    }

    HttpRequest.Builder request(String method, String path, String contentType, String... headers) {
        var builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    ApiResponse send(HttpRequest request) {
        try {
            return ApiResponse.of(client.send(request, BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a database and returns its JSON; fails the test unless the server says 201. */
    JsonNode create(String name, String ownerTeam, String purpose, String labelsJson) {
        String labels = labelsJson == null ? "" : ", \"labels\": " + labelsJson;
        ApiResponse response = post("/v1/databases", """
                {"name": "%s", "owner_team": "%s", "purpose": "%s"%s}""".formatted(name, ownerTeam, purpose, labels));
        if (response.status() != 201) {
            throw new AssertionError("create " + name + " answered " + response.status() + ": " + response.body());
        }
        return response.json();
    }

    JsonNode create(String name) {
        return create(name, "payments", "Ledger of " + name, null);
    }

    /** Closes the client's idle connections first, so the server's graceful stop has nothing to wait for. */
    @Override
    public void close() {
        client.shutdownNow();
        server.stop();
    }
}
