package dev.daap.embedded;

import static dev.daap.embedded.EmbeddedPostgres.HOST;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server that another process runs on a folder: its port from PostgreSQL's own {@code postmaster.pid}
 * (the fourth line, while the server runs), its superuser password from the folder.
 */
final class RunningServer {
    private static final Logger log = LoggerFactory.getLogger(RunningServer.class);
    private static final int PORT_LINE = 3;
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private RunningServer() {}

    static EmbeddedPostgres attach(Path base) throws IOException {
        Path pid = base.resolve("pgdata/postmaster.pid");
        int port;
        try {
            port = port(Files.readAllLines(pid));
        } catch (NoSuchFileException e) {
            throw notRunning(base, "it has not started its server, or is stopping it");
        }
        String password = ClusterFiles.readPassword(base.resolve("superuser-password"));
        if (!answers(port)) {
            throw notRunning(base, "its server does not answer on " + HOST + ":" + port);
        }
        log.info("Using the embedded PostgreSQL that another process runs in {} ({}:{})", base, HOST, port);
        return EmbeddedPostgres.attached(port, password);
    }

    static int port(List<String> postmasterPid) {
        if (postmasterPid.size() <= PORT_LINE
                || !postmasterPid.get(PORT_LINE).strip().matches("\\d{1,5}")) {
            throw new EmbeddedPostgresException("cannot read the port from postmaster.pid: " + postmasterPid);
        }
        return Integer.parseInt(postmasterPid.get(PORT_LINE).strip());
    }

    private static boolean answers(int port) {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static EmbeddedPostgresException notRunning(Path base, String why) {
        return new EmbeddedPostgresException("another process holds the embedded PostgreSQL in " + base + ", but " + why
                + "; try again once it has started, or stop it");
    }
}
