package dev.daap.domain.backup;

import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.NameOnCluster;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * PostgreSQL's client tools on this machine (a secondary port). {@code pg_dump} must be of the server's major
 * version or newer, so which tools serve a cluster depends on the version its probe read.
 */
public interface BackupTools {

    /** Whether tools fit a server of {@code serverVersion} (as {@code SHOW server_version} says it; null: unknown). */
    ToolCheck check(String serverVersion);

    /**
     * Streams the database {@code database} of the cluster {@code target} into {@code sink} as {@code pg_dump}'s
     * custom format, with the tools that fit {@code serverVersion}, in the exported snapshot {@code snapshot} (null:
     * its own); throws {@code ProvisioningException} (no secrets) when there are none or the dump fails. The sink is
     * not closed.
     */
    void dump(ClusterTarget target, NameOnCluster database, String serverVersion, String snapshot, OutputStream sink);

    /**
     * Restores the archive {@code archive} (as {@link #dump} wrote it, from a server of {@code dumpedFrom}) into the
     * database {@code database} of {@code target}, logged in as its own role (named as the database, with
     * {@code password}), so that everything restored is that role's; ownership and grants of the source are not
     * restored. All or nothing: on failure the database holds nothing of it. A database that already holds objects
     * is taken as restored by an earlier attempt that committed, and left as it is. Throws
     * {@code ProvisioningException} (no secrets) on failure.
     */
    void restore(ClusterTarget target, NameOnCluster database, String password, String dumpedFrom, InputStream archive);

    /**
     * Copies the database {@code database} of {@code from} (a server of {@code serverVersion}) into the database
     * {@code into} of {@code to}, streaming {@code pg_dump} straight into {@code pg_restore} (nothing stored on the
     * way), restored as {@code into}'s own role with {@code password}, all or nothing, as {@link #restore} does; a
     * database that already holds objects is taken as copied by an earlier attempt that committed, and left as it is.
     * Throws {@code ProvisioningException} (no secrets) on failure.
     */
    void copy(
            ClusterTarget from,
            NameOnCluster database,
            String serverVersion,
            ClusterTarget to,
            NameOnCluster into,
            String password);

    /**
     * @param available whether a backup can be taken
     * @param detail    which tools serve it (their version and folder), or what to install when none fits
     */
    record ToolCheck(boolean available, String detail) {}
}
