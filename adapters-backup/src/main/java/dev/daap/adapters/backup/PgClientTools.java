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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code pg_dump} as found on this machine (see {@link PgToolFinder}), the right one per server: {@code pg_dump}
 * refuses a server newer than itself, and reads older ones, so a server of major version {@code N} gets the oldest
 * tools of {@code N} or newer; a restore takes the tools that fit the server the backup was dumped from, as an
 * archive is read by a pg_restore at least as new as the pg_dump that wrote it. Each tool runs as a {@link PgProcess}.
 */
public final class PgClientTools implements BackupTools {
    private static final Logger log = LoggerFactory.getLogger(PgClientTools.class);
    /** Objects of the database's own, outside PostgreSQL's schemas, or large objects. */
    private static final String HOLDS_OBJECTS = "SELECT EXISTS (SELECT FROM pg_class c JOIN pg_namespace n ON n.oid ="
            + " c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE"
            + " 'pg_toast%') OR EXISTS (SELECT FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE"
            + " n.nspname NOT IN ('pg_catalog', 'information_schema')) OR EXISTS (SELECT FROM"
            + " pg_largeobject_metadata)";

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
    public void dump(
            ClusterTarget target, NameOnCluster database, String serverVersion, String snapshot, OutputStream sink) {
        PgToolFinder.Found tool = toolFor(serverVersion);
        AdminUrl admin = target.adminUrl();
        List<String> command = new ArrayList<>(List.of(
                tool.folder().resolve("pg_dump").toString(),
                "--format=custom",
                "--no-password",
                "--dbname=" + database.value()));
        if (snapshot != null) {
            command.add("--snapshot=" + snapshot);
        }
        PgProcess dump = PgProcess.start(command, admin, admin.user(), admin.password());
        boolean read = false;
        try (InputStream out = dump.process().getInputStream()) {
            dump.process().getOutputStream().close();
            out.transferTo(sink);
            read = true;
        } catch (IOException e) {
            throw new ProvisioningException("dumping " + database.value() + " failed: " + e.getMessage(), e);
        } finally {
            if (!read) {
                dump.kill(); // the sink failed: nobody reads pg_dump's output any more
            }
        }
        dump.requireSuccess("pg_dump " + tool.version() + " of " + database.value() + " on cluster " + target.name());
    }

    @Override
    public void restore(
            ClusterTarget target, NameOnCluster database, String password, String dumpedFrom, InputStream archive) {
        PgToolFinder.Found tool = toolFor(dumpedFrom);
        String role = database.value();
        if (holdsObjects(tool, target, database, password)) {
            log.info("Database {} on cluster {} already holds a committed restore; left as it is", role, target.name());
            return;
        }
        PgProcess restore = PgProcess.start(
                List.of(
                        tool.folder().resolve("pg_restore").toString(),
                        "--single-transaction",
                        "--exit-on-error",
                        "--no-owner",
                        "--no-acl",
                        "--no-password",
                        "--dbname=" + database.value()),
                target.adminUrl(),
                role,
                password);
        // Its input is ended only when the archive was read whole: on any failure pg_restore is killed first, and its
        // transaction ends with its connection (nothing of it stays). Ending the input first would let it commit what
        // it had read, should what it read so far look like a whole archive.
        OutputStream in = restore.process().getOutputStream();
        try {
            archive.transferTo(in);
        } catch (IOException | RuntimeException e) {
            restore.kill();
            closeQuietly(in);
            throw new ProvisioningException("restoring into " + role + " failed: " + e.getMessage(), e);
        }
        try {
            in.close();
        } catch (IOException e) {
            restore.kill();
            throw new ProvisioningException("restoring into " + role + " failed: " + e.getMessage(), e);
        }
        restore.requireSuccess("pg_restore " + tool.version() + " into " + role + " on cluster " + target.name());
    }

    /**
     * pg_dump's output handed straight to pg_restore's input in this thread: one pass, nothing stored, and a dump
     * that fails part-way leaves pg_restore a cut archive, which it refuses, rolling its one transaction back.
     */
    @Override
    public void copy(
            ClusterTarget from,
            NameOnCluster database,
            String serverVersion,
            ClusterTarget to,
            NameOnCluster into,
            String password) {
        PgToolFinder.Found tool = toolFor(serverVersion);
        String role = into.value();
        if (holdsObjects(tool, to, into, password)) {
            log.info("Database {} on cluster {} already holds a committed copy; left as it is", role, to.name());
            return;
        }
        AdminUrl admin = from.adminUrl();
        PgProcess dump = PgProcess.start(
                List.of(
                        tool.folder().resolve("pg_dump").toString(),
                        "--format=custom",
                        "--no-password",
                        "--dbname=" + database.value()),
                admin,
                admin.user(),
                admin.password());
        PgProcess restore = PgProcess.start(
                List.of(
                        tool.folder().resolve("pg_restore").toString(),
                        "--single-transaction",
                        "--exit-on-error",
                        "--no-owner",
                        "--no-acl",
                        "--no-password",
                        "--dbname=" + role),
                to.adminUrl(),
                role,
                password);
        try (InputStream out = dump.process().getInputStream();
                OutputStream in = restore.process().getOutputStream()) {
            dump.process().getOutputStream().close();
            out.transferTo(in);
        } catch (IOException e) {
            // One side ended early: its exit status below says why; the other is stopped here.
            dump.kill();
            restore.kill();
        }
        restore.requireSuccess(
                "pg_restore " + tool.version() + " into " + role + " on cluster " + to.name() + " (a move)");
        dump.requireSuccess("pg_dump " + tool.version() + " of " + database.value() + " on cluster " + from.name());
    }

    private static void closeQuietly(OutputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // pg_restore is gone already; its end is what matters
        }
    }

    /** Whether anything but PostgreSQL's own objects is in the database: tables, functions, types, large objects. */
    private static boolean holdsObjects(
            PgToolFinder.Found tool, ClusterTarget target, NameOnCluster database, String password) {
        PgProcess psql = PgProcess.start(
                List.of(
                        tool.folder().resolve("psql").toString(),
                        "--no-psqlrc",
                        "--no-password",
                        "--tuples-only",
                        "--no-align",
                        "--dbname=" + database.value(),
                        "--command=" + HOLDS_OBJECTS),
                target.adminUrl(),
                database.value(),
                password);
        String answer;
        try (InputStream out = psql.process().getInputStream()) {
            psql.process().getOutputStream().close();
            answer = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            psql.kill();
            throw new ProvisioningException("cannot look into " + database.value() + ": " + e.getMessage(), e);
        }
        psql.requireSuccess("looking into " + database.value() + " before the restore");
        return answer.equals("t");
    }

    private PgToolFinder.Found toolFor(String serverVersion) {
        ToolCheck check = check(serverVersion);
        return fitting(serverVersion == null ? Integer.MAX_VALUE : majorOf(serverVersion))
                .orElseThrow(() -> new ProvisioningException(check.detail()));
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
}
