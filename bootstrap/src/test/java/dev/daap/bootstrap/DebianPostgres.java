package dev.daap.bootstrap;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separately started PostgreSQL from Debian's packages (version 15: older than the embedded 17, and what an
 * operator's existing server might be), for the DATABASE_URL path. It can be stopped and started again on the
 * same port to play an outage. .ci/run installs the package.
 */
final class DebianPostgres implements AutoCloseable {
    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final String PASSWORD = "debian-pg-secret";
    private final Path folder;
    private final Path data;
    private final int port;

    private DebianPostgres(Path folder, int port) {
        this.folder = folder;
        this.data = folder.resolve("data");
        this.port = port;
    }

    static DebianPostgres start() throws Exception {
        if (!Files.isExecutable(BIN.resolve("postgres"))) {
            throw new IllegalStateException("PostgreSQL 15 is not installed at " + BIN
                    + "; install Debian's postgresql-15 package (.ci/run does)");
        }
        Path folder = Files.createTempDirectory("daap-pg15-");
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var server = new DebianPostgres(folder, port);
        server.initialise();
        server.startAgain();
        return server;
    }

    private void initialise() throws Exception {
        Files.createDirectories(data);
        Path passwordFile = folder.resolve("pw");
        Files.writeString(passwordFile, PASSWORD);
        if (isRoot()) {
            run(List.of("chown", "-R", "nobody:", folder.toString()));
        }
        run(asServerUser(
                BIN.resolve("initdb").toString(),
                "-D",
                data.toString(),
                "-U",
                "postgres",
                "--pwfile=" + passwordFile,
                "--auth=scram-sha-256",
                "-E",
                "UTF8",
                "--locale=C.UTF-8"));
    }

    void startAgain() throws Exception {
        run(asServerUser(
                BIN.resolve("pg_ctl").toString(),
                "start",
                "-w",
                "-D",
                data.toString(),
                "-l",
                data.resolve("log").toString(),
                "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories="));
    }

    void stop() throws Exception {
        run(asServerUser(BIN.resolve("pg_ctl").toString(), "stop", "-w", "-m", "immediate", "-D", data.toString()));
    }

    /** A JDBC session as the server's superuser, in its {@code postgres} database. */
    java.sql.Connection connect() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", PASSWORD);
    }

    /** Its superuser's data source on the {@code postgres} database. */
    javax.sql.DataSource dataSource() {
        var source = new org.postgresql.ds.PGSimpleDataSource();
        source.setServerNames(new String[] {"127.0.0.1"});
        source.setPortNumbers(new int[] {port});
        source.setDatabaseName("postgres");
        source.setUser("postgres");
        source.setPassword(PASSWORD);
        return source;
    }

    int port() {
        return port;
    }

    String databaseUrl() {
        return "postgres://postgres:" + PASSWORD + "@127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } finally {
            run(List.of("rm", "-rf", folder.toString()));
        }
    }

    private static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }
}
