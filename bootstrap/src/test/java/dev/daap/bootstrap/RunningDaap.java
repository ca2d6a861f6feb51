package dev.daap.bootstrap;

import dev.daap.bootstrap.observability.Telemetry;
import dev.daap.testing.TestPostgres;
import dev.daap.testing.http.ApiUnderTest;
import dev.daap.testing.http.TestClient;
import dev.daap.testing.http.TestResponse;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DAAP started by its own bootstrap code on a random port, and a {@link TestClient} to drive it. Requests carry the
 * platform admin token of {@link #ADMIN_TOKEN} unless a test sends another ({@link #as}); the teams the tests name
 * ({@link #TEAMS}) exist.
 */
final class RunningDaap implements ApiUnderTest, AutoCloseable {
    static final String ADMIN_TOKEN = "daap_testadmin_" + "0123456789abcdef0123456789abcdef";
    static final List<String> TEAMS = List.of("payments", "search", "checkout");
    private final Application application;
    private final TestClient client;
    private final TestClient management;

    private RunningDaap(Application application) {
        this.application = application;
        this.client = TestClient.to("http://127.0.0.1:" + application.port()).as(ADMIN_TOKEN);
        this.management = TestClient.to("http://127.0.0.1:" + application.managementPort());
    }

    /** DAAP on a fresh database of the shared test server, reached through DATABASE_URL (the external path). */
    static RunningDaap onFreshDatabase(Map<String, String> extraEnvironment) {
        Map<String, String> env = freshDatabaseEnvironment();
        env.putAll(extraEnvironment);
        return start(env);
    }

    /** The environment of a DAAP on a new, empty database of the shared test server; start it as often as needed. */
    static Map<String, String> freshDatabaseEnvironment() {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase("e2e");
        return new HashMap<>(Map.of(
                "PORT", "0",
                "DATABASE_URL",
                        "postgres://" + postgres.user() + ":" + postgres.password() + "@" + postgres.host() + ":"
                                + postgres.port() + "/" + database,
                "DB_MIN_CONNS", "1",
                "DB_MAX_CONNS", "8"));
    }

    static RunningDaap start(Map<String, String> env) {
        return start(env, null);
    }

    /**
     * With spans going to {@code spans} (the SDK's in-memory exporter, say) and metrics on; null: as configured by
     * {@code env}. The management port is a free one unless {@code env} names one.
     */
    static RunningDaap start(Map<String, String> env, SpanExporter spans) {
        Map<String, String> complete = new HashMap<>(env);
        complete.putIfAbsent(DaapConfig.MANAGEMENT_PORT, "0"); // 8081 may be taken by another test or program
        if (!env.containsKey("DAAP_DATA_DIR")) {
            // No data directory to keep a generated key in: bring one, as an operator of an external database would.
            complete.putIfAbsent("DAAP_SECRET_KEY", TEST_KEY);
        }
        complete.putIfAbsent(DaapConfig.ADMIN_TOKEN, ADMIN_TOKEN);
        // Tests create and poll far faster than a client may (50 creates in a second); ReadmeExamplesTest and
        // RateLimitEndToEndTest run with the defaults.
        complete.putIfAbsent("DAAP_RATE_LIMIT_PER_MINUTE", "1000000");
        complete.putIfAbsent("DAAP_RATE_LIMIT_BURST", "100000");
        complete.putIfAbsent("DAAP_RATE_LIMIT_AUTH_FAILURES_PER_MINUTE", "1000000");
        // No scheduled backups unless a test asks: with the default (daily:30) every database a test made just
        // before midnight UTC would be backed up by the sweep in the middle of a test that counts jobs or events.
        complete.putIfAbsent(DaapConfig.BACKUP_POLICY, "none");
        DaapConfig config = DaapConfig.fromEnvironment(complete);
        var daap = new RunningDaap(
                spans == null
                        ? Application.start(config)
                        : Application.start(
                                config,
                                Telemetry.start(config.telemetry(), Optional.of(SimpleSpanProcessor.create(spans)))));
        if (complete.get(DaapConfig.ADMIN_TOKEN).equals(ADMIN_TOKEN)) {
            TEAMS.forEach(daap::ensureTeam);
        }
        return daap;
    }

    /** Creates these teams through the API unless they exist. */
    void teamsExist(String... slugs) {
        for (String slug : slugs) {
            ensureTeam(slug);
        }
    }

    /** Creates the team unless it exists (a restarted instance on the same database has it). */
    void ensureTeam(String slug) {
        TestResponse response =
                post("/v1/teams", "{\"slug\": \"" + slug + "\", \"display_name\": \"Team " + slug + "\"}");
        if (response.status() != 201 && response.status() != 409) {
            throw new IllegalStateException(
                    "creating team " + slug + " answered " + response.status() + ": " + response.body());
        }
    }

    static final String TEST_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    int port() {
        return application.port();
    }

    int managementPort() {
        return application.managementPort();
    }

    @Override
    public TestClient client() {
        return client;
    }

    /** A client of the management port, without a token; its answers are checked against the contract too. */
    TestClient management() {
        return management;
    }

    @Override
    public void close() {
        client.close();
        management.close();
        application.close();
    }
}
