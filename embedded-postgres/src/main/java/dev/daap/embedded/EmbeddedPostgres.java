package dev.daap.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL 17 server run as a child process from the bundled binaries, on loopback only, with a generated
 * superuser password and scram-sha-256 for every connection. Its files live in one folder and survive restarts.
 *
 * <p>Layout of {@code baseDirectory}: {@code pgdata/} (the cluster, owned by the server's user),
 * {@code superuser-password} (owner-only), {@code .lock} (held while a process runs the server).
 */
public final class EmbeddedPostgres implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    public static final String HOST = "127.0.0.1";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path pgData;
    private final Path pgCtl;
    private final ServerUser user;
    private final int port;
    private final String password;
    private final FileLock lock;
    private volatile boolean running = true;

    private EmbeddedPostgres(Path pgData, Path pgCtl, ServerUser user, int port, String password, FileLock lock) {
        this.pgData = pgData;
        this.pgCtl = pgCtl;
        this.user = user;
        this.port = port;
        this.password = password;
        this.lock = lock;
    }

    /**
     * Starts the server on {@code baseDirectory}, creating the cluster on first use.
     *
     * @param port     0 for any free port
     * @param settings server settings ({@code -c name=value}) on top of the defaults
     */
    public static EmbeddedPostgres start(Path baseDirectory, int port, Map<String, String> settings) {
        return startOrAttach(baseDirectory, port, settings, false);
    }

    /**
     * The server on {@code baseDirectory} for a command that runs and exits: the one another process runs there (a
     * {@code serve}), which this process then only connects to and leaves running; else one started now, as
     * {@link #start} would, and stopped by {@link #stop()}.
     */
    public static EmbeddedPostgres startOrAttach(Path baseDirectory, Map<String, String> settings) {
        return startOrAttach(baseDirectory, 0, settings, true);
    }

    private static EmbeddedPostgres startOrAttach(
            Path baseDirectory, int port, Map<String, String> settings, boolean attach) {
        try {
            Files.createDirectories(baseDirectory);
            FileLock lock = tryLockFolder(baseDirectory);
            if (lock == null) {
                if (attach) {
                    return RunningServer.attach(baseDirectory.toAbsolutePath());
                }
                throw new EmbeddedPostgresException("another process already runs the embedded PostgreSQL in "
                        + baseDirectory + "; stop it or use another data directory");
            }
            try {
                return startLocked(baseDirectory.toAbsolutePath(), port, settings, lock);
            } catch (RuntimeException | IOException e) {
                lock.channel().close();
                throw e;
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException("cannot prepare " + baseDirectory + ": " + e.getMessage(), e);
        }
    }

    /** A handle on a server that another process started and will stop: {@link #stop()} leaves it running. */
    static EmbeddedPostgres attached(int port, String password) {
        return new EmbeddedPostgres(null, null, null, port, password, null);
    }

    private static EmbeddedPostgres startLocked(
            Path base, int requestedPort, Map<String, String> settings, FileLock lock) throws IOException {
        PostgresBinaries binaries = PostgresBinaries.install();
        ServerUser user = ServerUser.forServer(binaries.platform(), ServerUser.DEFAULT_UNPRIVILEGED);
        Path pgData = base.resolve("pgdata");
        if (user.switchesUser()) {
            allowTraversal(base);
        }
        Path passwordFile = base.resolve("superuser-password");
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        String password = fresh
                ? ClusterFiles.initialise(binaries, user, base, pgData, passwordFile)
                : ClusterFiles.readPassword(passwordFile);
        var server = new EmbeddedPostgres(
                pgData,
                binaries.program("pg_ctl"),
                user,
                requestedPort == 0 ? ClusterFiles.rememberedPort(base) : requestedPort,
                password,
                lock);
        server.stopOrphan();
        server.launch(settings);
        return server;
    }

    /** The server's user must pass through the base folder to its cluster; the folder's other files stay private. */
    private static void allowTraversal(Path base) throws IOException {
        var permissions = Files.getPosixFilePermissions(base);
        permissions.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
        Files.setPosixFilePermissions(base, permissions);
    }

    /**
     * The folder's lock, or null when another process holds it (or this one, elsewhere): two processes starting
     * servers on one folder would fight over one cluster.
     */
    private static FileLock tryLockFolder(Path base) throws IOException {
        FileChannel channel =
                FileChannel.open(base.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very process
        }
        if (lock == null) {
            channel.close();
        }
        return lock;
    }

    /** A server left running by a process that died (we hold the folder's lock, so it is nobody's now). */
    private void stopOrphan() {
        if (Files.exists(pgData.resolve("postmaster.pid")) && pgCtl("status").exitCode() == 0) {
            log.warn("Stopping an embedded PostgreSQL left running by an earlier process in {}", pgData);
            pgCtl("stop", "-m", "fast", "-w");
        }
    }

    private void launch(Map<String, String> extraSettings) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", HOST);
        settings.put("unix_socket_directories", ""); // TCP only: no socket path limits, no /var/run permissions
        settings.putAll(extraSettings);
        if (!isLoopbackOnly(settings.get("listen_addresses"))) {
            ClusterFiles.allowPasswordLoginsFromAnywhere(pgData);
        }
        var options = new StringBuilder("-p ").append(port);
        settings.forEach((name, value) ->
                options.append(" -c ").append(shellSafe(name)).append('=').append(shellSafe(value)));
        Processes.Result result = pgCtl(
                "start",
                "-w",
                "-t",
                String.valueOf(START_TIMEOUT.toSeconds()),
                "-l",
                pgData.resolve("postmaster.log").toString(),
                "-o",
                options.toString());
        if (result.exitCode() != 0) {
            throw new EmbeddedPostgresException("the embedded PostgreSQL did not start: " + result.output() + "\nSee "
                    + pgData.resolve("postmaster.log"));
        }
        log.info("embedded PostgreSQL listening on {}:{} (data in {})", settings.get("listen_addresses"), port, pgData);
    }

    /**
     * Where a server listens with {@code listen}, given as {@code listen_addresses} in the settings: the address, and
     * always 127.0.0.1, which DAAP connects to itself.
     */
    public static String listenAddresses(String listen) {
        if (listen.equals("*")) {
            return "0.0.0.0,::"; // what '*' means to PostgreSQL, in characters that pass pg_ctl's shell
        }
        if (listen.equals("0.0.0.0") || listen.equals(HOST)) {
            return listen;
        }
        return HOST + "," + listen;
    }

    private static boolean isLoopbackOnly(String listen) {
        for (String address : listen.split(",")) {
            String bare = address.strip();
            if (!bare.equals(HOST) && !bare.equals("localhost") && !bare.equals("::1")) {
                return false;
            }
        }
        return true;
    }

    /** pg_ctl hands -o to a shell: allow only characters that need no quoting. */
    private static String shellSafe(String text) {
        if (!text.matches("[A-Za-z0-9_.:/,-]*")) {
            throw new IllegalArgumentException("unsupported character in server setting: " + text);
        }
        return text;
    }

    private Processes.Result pgCtl(String... arguments) {
        List<String> command = new ArrayList<>(user.commandPrefix());
        command.add(pgCtl.toString());
        command.add(arguments[0]);
        command.addAll(List.of("-D", pgData.toString()));
        command.addAll(List.of(arguments).subList(1, arguments.length));
        return Processes.run(command, Map.of(), START_TIMEOUT.plusSeconds(10));
    }

    public int port() {
        return port;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    /**
     * Stops the server (fast shutdown: open sessions are ended, committed data is safe) and frees the folder; for
     * a server of another process ({@link #startOrAttach}), only forgets it.
     */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (lock == null) {
            return; // attached to another process's server: that process stops it
        }
        try {
            Processes.Result result = pgCtl("stop", "-m", "fast", "-w");
            if (result.exitCode() != 0) {
                log.error("Stopping the embedded PostgreSQL in {} failed: {}", pgData, result.output());
            } else {
                log.info("embedded PostgreSQL stopped");
            }
        } finally {
            try {
                lock.channel().close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }
}
