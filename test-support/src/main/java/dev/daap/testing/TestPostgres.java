package dev.daap.testing;

import dev.daap.embedded.EmbeddedPostgres;
import dev.daap.embedded.Folders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL 17 server the tests of one JVM share. The one switch: a Testcontainers container where a Docker
 * engine answers, otherwise the embedded server from Maven Central. Tests see the same thing either way: a
 * superuser connection, and fresh databases on demand so that tests which must commit stay apart.
 */
public final class TestPostgres {
    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres shared;

    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private TestPostgres(String host, int port, String user, String password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static synchronized TestPostgres shared() {
        if (shared == null) {
            shared = dockerAvailable() ? startContainer() : startEmbedded();
        }
        return shared;
    }

    private static boolean dockerAvailable() {
        if ("embedded".equals(System.getenv("DAAP_TEST_POSTGRES"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            log.info("No Docker engine ({}); tests use the embedded PostgreSQL", e.getMessage());
            return false;
        }
    }

    private static TestPostgres startContainer() {
        var container = new PostgreSQLContainer("postgres:17.6-bookworm");
        container.start();
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "test-postgres-stop"));
        log.info("Tests use PostgreSQL in a Testcontainers container on port {}", container.getFirstMappedPort());
        return new TestPostgres(
                container.getHost(), container.getMappedPort(5432), container.getUsername(), container.getPassword());
    }

    private static TestPostgres startEmbedded() {
        try {
            Path folder = Files.createTempDirectory("daap-test-postgres-");
            // Durability is worthless for a throwaway test cluster; turning it off makes commits cheap.
            EmbeddedPostgres server = EmbeddedPostgres.start(
                    folder,
                    0,
                    Map.of(
                            "fsync",
                            "off",
                            "synchronous_commit",
                            "off",
                            "full_page_writes",
                            "off",
                            "max_connections",
                            "300"));
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                server.stop();
                                deleteQuietly(folder);
                            },
                            "test-postgres-stop"));
            return new TestPostgres(
                    EmbeddedPostgres.HOST, server.port(), EmbeddedPostgres.SUPERUSER, server.password());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public DataSource dataSource(String database) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** A new, empty database for tests that commit (end-to-end, migrations); its name starts with prefix. */
    public String createDatabase(String prefix) {
        String name = prefix.replaceAll("[^a-z0-9_]", "_") + "_"
                + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = dataSource("postgres").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return name;
    }

    private static void deleteQuietly(Path folder) {
        try {
            Folders.deleteTree(folder);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", folder, e.getMessage());
        }
    }
}
