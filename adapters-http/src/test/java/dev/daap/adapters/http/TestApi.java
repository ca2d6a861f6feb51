package dev.daap.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.daap.adapters.http.database.DatabaseUseCases;
import dev.daap.adapters.http.health.Readiness;
import dev.daap.adapters.http.health.ReadinessCheck;
import dev.daap.adapters.http.idempotency.Idempotency;
import dev.daap.application.credential.ManageCredentials;
import dev.daap.application.database.CreateDatabase;
import dev.daap.application.database.DeleteDatabase;
import dev.daap.application.database.GetDatabase;
import dev.daap.application.database.ListDatabases;
import dev.daap.application.database.RetryDatabase;
import dev.daap.application.database.UpdateDatabase;
import dev.daap.application.job.DeprovisionDatabase;
import dev.daap.application.job.JobRunner;
import dev.daap.application.job.JobScheduler;
import dev.daap.application.job.JobSettings;
import dev.daap.application.job.ProvisionDatabase;
import dev.daap.application.operation.GetOperations;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.UuidV7Generator;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.job.JobKind;
import dev.daap.testing.FakeProvisioner;
import dev.daap.testing.InMemoryCredentialVault;
import dev.daap.testing.InMemoryDatabases;
import dev.daap.testing.InMemoryEventLog;
import dev.daap.testing.InMemoryIdempotencyStore;
import dev.daap.testing.InMemoryJobQueue;

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
 * The real {@link HttpServer} on a free port, wired to the real use cases over in-memory fakes of the ports, a
 * job runner that a test drives step by step (no background worker), and a real HTTP client.
 */
final class TestApi implements AutoCloseable {
    static final String JSON = "application/json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String WORKER = "test-worker";
    /** Two attempts, and a failed one is due again at once: a test uses them up by running the next job twice. */
    static final JobSettings JOB_SETTINGS = new JobSettings(2, Duration.ofMinutes(2), Duration.ZERO, Duration.ZERO,
            Duration.ofMinutes(1));

    final InMemoryDatabases store = new InMemoryDatabases();
    final ScriptedDatabases databases = new ScriptedDatabases(store);
    final SteppingClock clock = new SteppingClock();
    final InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
    final InMemoryCredentialVault vault = new InMemoryCredentialVault();
    final InMemoryEventLog events = new InMemoryEventLog();
    final FakeProvisioner provisioner = new FakeProvisioner();
    final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore();
    final HttpServer server;
    private final Transactions transactions = new DirectTransactions();
    private final JobRunner runner;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestApi(HttpSettings settings, ReadinessCheck readiness) {
        var passwords = new PasswordGenerator();
        runner = new JobRunner(transactions, jobs, Map.of(
                JobKind.PROVISION, new ProvisionDatabase(transactions, databases, jobs, events, vault, provisioner,
                        passwords, clock),
                JobKind.DEPROVISION, new DeprovisionDatabase(transactions, databases, jobs, events, vault, provisioner,
                        clock)),
                JOB_SETTINGS, clock);
        server = new HttpServer(useCases(passwords), readiness, settings);
        server.start();
    }

    private DatabaseUseCases useCases(PasswordGenerator passwords) {
        var ids = new UuidV7Generator(clock);
        return new DatabaseUseCases(
                new CreateDatabase(transactions, databases, new JobScheduler(jobs, JOB_SETTINGS, ids, clock), ids, clock),
                new GetDatabase(databases),
                new ListDatabases(databases),
                new UpdateDatabase(transactions, databases, clock),
                new DeleteDatabase(transactions, databases, new JobScheduler(jobs, JOB_SETTINGS, ids, clock), clock),
                new RetryDatabase(transactions, databases, new JobScheduler(jobs, JOB_SETTINGS, ids, clock), jobs, clock),
                new GetOperations(jobs, databases, JOB_SETTINGS, clock),
                new ManageCredentials(transactions, databases, vault, provisioner, passwords),
                new Idempotency(idempotency, clock));
    }

    /** What one worker does on one wake-up: claims and runs the next due job; false when none was due. */
    boolean runNextJob() {
        return runner.runNext(WORKER);
    }

    /** Runs jobs until none is due, e.g. a provision job with all its retries. */
    void runJobs() {
        for (int run = 0; runNextJob(); run++) {
            if (run == 20) {
                throw new AssertionError("jobs are still due after 20 runs");
            }
        }
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

    /** A POST without a body, as actions such as retry and rotate take. */
    ApiResponse post(String path) {
        return send("POST", path, null, null);
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

    /** Creates a database, runs its provision job, and returns its path; fails unless it is then ready. */
    String createReady(String name) {
        String path = "/v1/databases/" + create(name).path("id").asText();
        runJobs();
        String status = get(path).json().path("status").asText();
        if (!status.equals("ready")) {
            throw new AssertionError(name + " is " + status + " after its provision job ran");
        }
        return path;
    }

    /** Closes the client's idle connections first, so the server's graceful stop has nothing to wait for. */
    @Override
    public void close() {
        client.shutdownNow();
        server.stop();
    }
}
