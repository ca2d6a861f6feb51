package dev.daap.embedded;

import static dev.daap.embedded.EmbeddedPostgres.HOST;
import static dev.daap.embedded.EmbeddedPostgres.SUPERUSER;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files that make an embedded cluster: creating it with initdb and a generated superuser password, reading
 * that password back, and the port it keeps across restarts.
 */
final class ClusterFiles {
    private static final Logger log = LoggerFactory.getLogger(ClusterFiles.class);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(60);

    private ClusterFiles() {}

    static String initialise(PostgresBinaries binaries, ServerUser user, Path base, Path pgData, Path passwordFile)
            throws IOException {
        log.info("Creating the embedded PostgreSQL cluster in {}", pgData);
        Folders.deleteTree(pgData); // a half-made cluster from an interrupted first start
        Files.createDirectories(pgData);
        FilePermissions.set(pgData, "rwx------");
        String password = newPassword();
        Path initPassword = FilePermissions.createOwnerOnlyTempFile(base, "initdb-", ".pw");
        try {
            Files.writeString(initPassword, password);
            user.takeOwnership(pgData);
            user.takeOwnership(initPassword);
            checkReachable(user, pgData);
            List<String> command = new ArrayList<>(user.commandPrefix());
            command.addAll(List.of(
                    binaries.program("initdb").toString(),
                    "-D",
                    pgData.toString(),
                    "-U",
                    SUPERUSER,
                    "--pwfile=" + initPassword,
                    "--auth=scram-sha-256",
                    "--encoding=UTF8",
                    "--locale=C",
                    "--locale-provider=builtin",
                    "--builtin-locale=C.UTF-8"));
            Processes.Result result = Processes.run(command, Map.of(), INITDB_TIMEOUT);
            if (result.exitCode() != 0) {
                throw new EmbeddedPostgresException("initdb failed: " + result.output());
            }
        } finally {
            Files.deleteIfExists(initPassword);
        }
        Files.writeString(passwordFile, password, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        FilePermissions.set(passwordFile, "rw-------");
        return password;
    }

    private static void checkReachable(ServerUser user, Path pgData) {
        if (!user.switchesUser()) {
            return;
        }
        List<String> command = new ArrayList<>(user.commandPrefix());
        command.addAll(List.of("test", "-w", pgData.toString()));
        if (Processes.run(command, Map.of(), Duration.ofSeconds(10)).exitCode() != 0) {
            throw new EmbeddedPostgresException("PostgreSQL refuses to run as root, so the embedded server runs as "
                    + "user '" + user.name() + "', who cannot reach " + pgData + ". Make its parent folders "
                    + "searchable (chmod o+x) or choose a data directory elsewhere (DAAP_DATA_DIR)");
        }
    }

    static String readPassword(Path passwordFile) throws IOException {
        if (!Files.exists(passwordFile)) {
            throw new EmbeddedPostgresException("the embedded cluster exists but its superuser password file "
                    + passwordFile + " is missing; restore it, or delete the data directory to start afresh");
        }
        return Files.readString(passwordFile).strip();
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The port of the last run when it is still free, else a new free one, remembered for next time: provisioned
     * databases hand out this address, so it should survive restarts.
     */
    static int rememberedPort(Path base) throws IOException {
        Path file = base.resolve("port");
        if (Files.exists(file)) {
            try {
                int port = Integer.parseInt(Files.readString(file).strip());
                if (isFree(port)) {
                    return port;
                }
                log.warn("The embedded PostgreSQL's port {} is taken now; choosing another", port);
            } catch (NumberFormatException e) {
                log.warn("Ignoring an unreadable {}", file);
            }
        }
        int port = freePort();
        Files.writeString(file, Integer.toString(port));
        return port;
    }

    private static boolean isFree(int port) {
        try (var socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Lets clients on other machines log in, with a password (scram-sha-256) like everyone else: initdb's
     * pg_hba.conf admits loopback connections only. Appended once; pg_hba.conf is read when the server starts.
     */
    static void allowPasswordLoginsFromAnywhere(Path pgData) {
        Path hba = pgData.resolve("pg_hba.conf");
        String line = "host    all             all             all                     scram-sha-256";
        try {
            if (Files.readAllLines(hba).stream()
                    .noneMatch(existing -> existing.strip().equals(line))) {
                Files.writeString(
                        hba,
                        "\n# DAAP: clients on other machines (DAAP_EMBEDDED_LISTEN), with a password\n" + line + "\n",
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new EmbeddedPostgresException(
                    "cannot let other machines connect through " + hba + ": " + e.getMessage(), e);
        }
    }
}
