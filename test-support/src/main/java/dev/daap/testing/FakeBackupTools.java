package dev.daap.testing;

import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client tools of one major version, for use-case and HTTP tests: servers up to it can be dumped, newer ones not. A
 * dump writes a few bytes that name the database, a restore keeps what it read; the real tools are tested against
 * real servers.
 */
public final class FakeBackupTools implements BackupTools {
    private volatile int major;
    private final Map<String, byte[]> restored = new ConcurrentHashMap<>();

    public FakeBackupTools(int major) {
        this.major = major;
    }

    /** From now on, tools of this major version. */
    public void installed(int newMajor) {
        this.major = newMajor;
    }

    @Override
    public ToolCheck check(String serverVersion) {
        if (serverVersion == null) {
            return new ToolCheck(false, "the cluster's version is not known yet");
        }
        int server = Integer.parseInt(serverVersion.replaceFirst("^(\\d+).*$", "$1"));
        return server <= major
                ? new ToolCheck(true, "pg_dump " + major + ".0 in /fake/bin")
                : new ToolCheck(
                        false, "no pg_dump of PostgreSQL " + server + " or newer; install postgresql-client-" + server);
    }

    @Override
    public void restore(
            ClusterTarget target, NameOnCluster database, String password, String dumpedFrom, InputStream archive) {
        try {
            restored.put(database.value(), archive.readAllBytes());
        } catch (IOException e) {
            throw new ProvisioningException("restoring into " + database.value() + " failed: " + e.getMessage(), e);
        }
    }

    /** A dump of {@code database} restored into {@code into}, as the real tools stream one into the other. */
    @Override
    public void copy(
            ClusterTarget from,
            NameOnCluster database,
            String serverVersion,
            ClusterTarget to,
            NameOnCluster into,
            String password) {
        var archive = new java.io.ByteArrayOutputStream();
        dump(from, database, serverVersion, null, archive);
        restore(to, into, password, serverVersion, new java.io.ByteArrayInputStream(archive.toByteArray()));
    }

    /** The plain archive each database was restored from, by its name on the cluster. */
    public Map<String, byte[]> restored() {
        return Map.copyOf(restored);
    }

    @Override
    public void dump(
            ClusterTarget target, NameOnCluster database, String serverVersion, String snapshot, OutputStream sink) {
        ToolCheck check = check(serverVersion);
        if (!check.available()) {
            throw new ProvisioningException(check.detail());
        }
        try {
            sink.write(("PGDMP fake dump of " + database.value()).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
