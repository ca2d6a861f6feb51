package dev.daap.adapters.backup;

import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pg_dump} as found on this machine (see {@link PgToolFinder}), the right one per server: {@code pg_dump}
 * refuses a server newer than itself, and reads older ones, so a server of major version {@code N} gets the oldest
 * tools of {@code N} or newer. The admin's password reaches {@code pg_dump} in its environment, never on its command
 * line (which {@code ps} shows to every user of the machine).
 */
public final class PgClientTools implements BackupTools {
    private static final Logger log = LoggerFactory.getLogger(PgClientTools.class);
    private static final int STDERR_KEPT = 2_000;
    private static final Map<String, String> LIBPQ_PARAMETERS = Map.of(
            "sslmode", "PGSSLMODE",
            "sslrootcert", "PGSSLROOTCERT",
            "sslcert", "PGSSLCERT",
            "sslkey", "PGSSLKEY",
            "connect_timeout", "PGCONNECT_TIMEOUT");

    private final List<PgToolFinder.Found> tools;
    private final String searched;

    /** @param searched the folders that were searched, in words, for the message when none fits */
    public PgClientTools(List<PgToolFinder.Found> tools, String searched) {
        this.tools = tools.stream()
                .sorted(Comparator.comparingInt(PgToolFinder.Found::major))
                .toList();
        this.searched = searched;
    }

    /** With the tools found in {@code PATH}, {@code /usr/lib/postgresql/*}{@code /bin} and {@code extraDirs}. */
    public static PgClientTools discover(List<Path> extraDirs, String pathVariable) {
        PgToolFinder finder = new PgToolFinder(extraDirs, pathVariable);
        List<PgToolFinder.Found> found = finder.find();
        log.info(
                "PostgreSQL client tools for backups: {}",
                found.isEmpty()
                        ? "none found in " + finder.describe()
                        : found.stream().map(PgToolFinder.Found::toString).collect(Collectors.joining(", ")));
        return new PgClientTools(found, finder.describe());
    }

    @Override
    public ToolCheck check(String serverVersion) {
        if (serverVersion == null) {
            return new ToolCheck(false, "the cluster's version is not known yet (no probe has reached it)");
        }
        int major = majorOf(serverVersion);
        return fitting(major)
                .map(tool -> new ToolCheck(true, "pg_dump " + tool.version() + " in " + tool.folder()))
                .orElseGet(() -> new ToolCheck(false, missing(major)));
    }

    private String missing(int major) {
        String found = tools.isEmpty()
                ? "none"
                : tools.stream().map(tool -> tool.version()).collect(Collectors.joining(", "));
        return "no pg_dump of PostgreSQL " + major + " or newer on this machine (found: " + found + "; searched "
                + searched + "); install PostgreSQL " + major + "'s client tools (Debian and Ubuntu: postgresql-client-"
                + major + " from apt.postgresql.org) or name their bin folder in DAAP_PG_BIN_DIRS";
    }

    @Override
    public void dump(ClusterTarget target, NameOnCluster database, String serverVersion, OutputStream sink) {
        ToolCheck check = check(serverVersion);
        PgToolFinder.Found tool = fitting(serverVersion == null ? Integer.MAX_VALUE : majorOf(serverVersion))
                .orElseThrow(() -> new ProvisioningException(check.detail()));
        List<String> command = List.of(
                tool.folder().resolve("pg_dump").toString(),
                "--format=custom",
                "--no-password",
                "--dbname=" + database.value());
        ProcessBuilder builder = new ProcessBuilder(command);
        environment(builder.environment(), target.adminUrl());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ProvisioningException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        StderrTail stderr = new StderrTail(process.getErrorStream());
        stderr.start();
        boolean read = false;
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            out.transferTo(sink);
            read = true;
        } catch (IOException e) {
            throw new ProvisioningException("dumping " + database.value() + " failed: " + e.getMessage(), e);
        } finally {
            if (!read) {
                process.destroyForcibly(); // the sink failed: nobody reads pg_dump's output any more
            }
        }
        int exit = waitFor(process);
        String errors = stderr.text();
        if (exit != 0) {
            throw new ProvisioningException("pg_dump " + tool.version() + " of " + database.value() + " on cluster "
                    + target.name() + " failed (exit " + exit + "): " + errors);
        }
    }

    private Optional<PgToolFinder.Found> fitting(int major) {
        return tools.stream().filter(tool -> tool.major() >= major).findFirst();
    }

    /** {@code 15.14 (Debian 15.14-0+deb12u1)} and {@code 17.6} alike: the digits before the first dot or space. */
    static int majorOf(String serverVersion) {
        String digits = serverVersion.strip().replaceFirst("^(\\d+).*$", "$1");
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw new ProvisioningException("cannot read the major version of server version " + serverVersion);
        }
    }

    private static void environment(Map<String, String> environment, AdminUrl admin) {
        environment.keySet().removeIf(name -> name.startsWith("PG")); // nothing of DAAP's own environment leaks in
        environment.put("PGHOST", admin.host());
        environment.put("PGPORT", Integer.toString(admin.port()));
        environment.put("PGUSER", admin.user());
        if (admin.password() != null) {
            environment.put("PGPASSWORD", admin.password());
        }
        environment.put("PGAPPNAME", "daap-backup");
        admin.parameters().forEach((name, value) -> {
            String variable = LIBPQ_PARAMETERS.get(name);
            if (variable != null) {
                environment.put(variable, value);
            }
        });
    }

    private static int waitFor(Process process) {
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new ProvisioningException("pg_dump did not exit a minute after its output ended");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while pg_dump finished");
        }
    }

    /** Reads a process's stderr as it comes (a full pipe would stall it) and keeps its end for the message. */
    private static final class StderrTail extends Thread {
        private final InputStream stream;
        private final StringBuilder kept = new StringBuilder();

        StderrTail(InputStream stream) {
            super("pg_dump-stderr");
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
