package dev.daap.bootstrap;

import dev.daap.testing.TestPostgres;

import dev.daap.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** DAAP started by its own bootstrap code on a random port, and a real HTTP client to drive it. */
final class RunningDaap implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Application application;
    private final Map<String, String> env;

    private RunningDaap(Application application, Map<String, String> env) {
        this.application = application;
        this.env = env;
    }

    /** DAAP on a fresh database of the shared test server, reached through DATABASE_URL (the external path). */
    static RunningDaap onFreshDatabase(Map<String, String> extraEnvironment) {
        TestPostgres postgres = TestPostgres.shared();
        String database = postgres.createDatabase("e2e");
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgres://" + postgres.user() + ":" + postgres.password() + "@" + postgres.host()
                        + ":" + postgres.port() + "/" + database,
                "DB_MIN_CONNS", "1",
                "DB_MAX_CONNS", "8"));
        env.putAll(extraEnvironment);
        return start(env);
    }

    static RunningDaap start(Map<String, String> env) {
        Map<String, String> complete = new HashMap<>(env);
        if (!env.containsKey("DAAP_DATA_DIR")) {
            // No data directory to keep a generated key in: bring one, as an operator of an external database would.
            complete.putIfAbsent("DAAP_SECRET_KEY", TEST_KEY);
        }
        return new RunningDaap(Application.start(DaapConfig.fromEnvironment(complete)), Map.copyOf(complete));
    }

    static final String TEST_KEY = java.util.Base64.getEncoder().encodeToString(new byte[32]);

    int port() {
        return application.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String json, String... headers) {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> delete(String path, String... headers) {
        var request = HttpRequest.newBuilder(uri(path)).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("request to DAAP failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates these teams (if missing) straight in DAAP's own database: a database's owner_team must name a team,
     * and the API cannot create one yet.
     */
    void teamsExist(String... slugs) {
        String schema = env.getOrDefault("DB_SCHEMA", "daap");
        try (Connection connection = metadataDatabase().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO " + schema
                     + ".teams (slug, display_name) VALUES (?, ?) ON CONFLICT (slug) DO NOTHING")) {
            for (String slug : slugs) {
                insert.setString(1, slug);
                insert.setString(2, slug);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create teams in DAAP's database: " + e.getMessage(), e);
        }
    }

    /** The server DAAP keeps its metadata in: DATABASE_URL's, else the embedded one under DAAP_DATA_DIR. */
    private DataSource metadataDatabase() {
        if (env.containsKey("DATABASE_URL")) {
            return JdbcTarget.of(DatabaseUrl.parse(env.get("DATABASE_URL")), "test").unpooled();
        }
        Path folder = Path.of(env.get("DAAP_DATA_DIR")).resolve("postgres");
        try {
            var dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setUrl("jdbc:postgresql://" + EmbeddedPostgres.HOST + ":"
                    + Files.readString(folder.resolve("port")).strip() + "/postgres");
            dataSource.setUser(EmbeddedPostgres.SUPERUSER);
            dataSource.setPassword(Files.readString(folder.resolve("superuser-password")).strip());
            return dataSource;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded PostgreSQL's port or password", e);
        }
    }

    @Override
    public void close() {
        application.close();
    }
}
