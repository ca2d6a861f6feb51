package dev.daap.adapters.backup;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a PostgreSQL client tool against a cluster: connection settings in its environment (the password never
 * on its command line, which {@code ps} shows to every user of the machine, and nothing of DAAP's own {@code PG*}
 * environment), its stderr read as it comes (a full pipe would stall it) and its end kept for the message.
 */
final class PgProcess {
    private static final int STDERR_KEPT = 2_000;
    private static final Map<String, String> LIBPQ_PARAMETERS = Map.of(
            "sslmode", "PGSSLMODE",
            "sslrootcert", "PGSSLROOTCERT",
            "sslcert", "PGSSLCERT",
            "sslkey", "PGSSLKEY",
            "connect_timeout", "PGCONNECT_TIMEOUT");

    private final Process process;
    private final StderrTail stderr;
    private final String name;

    private PgProcess(Process process, String name) {
        this.process = process;
        this.name = name;
        this.stderr = new StderrTail(process.getErrorStream());
        stderr.start();
    }

    /** Starts {@code command} on the admin URL's server, as {@code user} with {@code password} (null: none). */
    static PgProcess start(List<String> command, AdminUrl server, String user, String password) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(variable -> variable.startsWith("PG"));
        environment.put("PGHOST", server.host());
        environment.put("PGPORT", Integer.toString(server.port()));
        environment.put("PGUSER", user);
        if (password != null) {
            environment.put("PGPASSWORD", password);
        }
        environment.put("PGAPPNAME", "daap-backup");
        server.parameters().forEach((parameter, value) -> {
            String variable = LIBPQ_PARAMETERS.get(parameter);
            if (variable != null) {
                environment.put(variable, value);
            }
        });
        String name = java.nio.file.Path.of(command.get(0)).getFileName().toString();
        try {
            return new PgProcess(builder.start(), name);
        } catch (IOException e) {
            throw new ProvisioningException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
    }

    Process process() {
        return process;
    }

    /** Kills it and waits (a little) until it is gone, so nothing done after this can reach it. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the exit; throws with the end of stderr unless it is 0. */
    void requireSuccess(String what) {
        int exit;
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ProvisioningException(name + " did not exit a minute after its input or output ended");
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while " + name + " finished");
        }
        if (exit != 0) {
            throw new ProvisioningException(what + " failed (" + name + " exit " + exit + "): " + stderr.text());
        }
    }

    private static final class StderrTail extends Thread {
        private final InputStream stream;
        private final StringBuilder kept = new StringBuilder();

        StderrTail(InputStream stream) {
            super("pg-tool-stderr");
            setDaemon(true);
            this.stream = stream;
        }

        @Override
        public void run() {
            byte[] buffer = new byte[4096];
            try (stream) {
                for (int n; (n = stream.read(buffer)) >= 0; ) {
                    synchronized (kept) {
                        kept.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                        if (kept.length() > STDERR_KEPT) {
                            kept.delete(0, kept.length() - STDERR_KEPT);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }

        String text() {
            try {
                join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString().strip().replaceAll("\\s+", " ");
            }
        }
    }
}
