package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.allowConnections;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.alterDatabaseOwner;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.createCopy;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropOwned;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantConnect;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.reassignOwned;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.renameDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.revokePublicAccess;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.snapshot.Copier;
import dev.daap.domain.snapshot.SnapshotId;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies databases within one PostgreSQL cluster with {@code CREATE DATABASE … TEMPLATE}, which needs the template
 * without sessions: a live source is closed to logins ({@code ALLOW_CONNECTIONS false}, which holds for every role),
 * its sessions ended, copied, and opened again. Snapshot copies are marked {@code daap:snapshot:<id>} and nobody may
 * log in to them. Each step is named to {@code beforeStep} first: tests stop there to play a crash.
 *
 * <p>A restore renames the database's present contents into a snapshot (instant, whatever the size) and copies the
 * snapshot under the database's name, owned by the same role, so objects, grants inside the database and the role's
 * password are as they were in the snapshot. What lives outside the database's files is not copied by PostgreSQL:
 * its comment, its database-level privileges (set again here) and {@code ALTER DATABASE … SET} settings (lost).
 */
public final class PostgresCopier implements Copier {
    private static final Logger log = LoggerFactory.getLogger(PostgresCopier.class);

    private final PostgresProvisioner provisioner;
    private final Function<String, DataSource> adminOn;
    private final Consumer<String> beforeStep;

    /**
     * @param provisioner makes a clone's role and sets up its database as for any database
     * @param adminOn     an admin connection source on the named database of the cluster
     * @param beforeStep  told the name of each step before it runs (a fault hook for tests)
     */
    public PostgresCopier(
            PostgresProvisioner provisioner, Function<String, DataSource> adminOn, Consumer<String> beforeStep) {
        this.provisioner = provisioner;
        this.adminOn = adminOn;
        this.beforeStep = beforeStep;
    }

    @Override
    public Copy snapshot(DatabaseId id, NameOnCluster name, SnapshotId snapshot) {
        String source = name.value();
        String copy = snapshot.nameOnCluster();
        try (TargetSession session = provisioner.open()) {
            requireOurDatabase(session, id, source);
            Duration unavailable = Duration.ZERO;
            if (!exists(session, copy)) {
                unavailable = whileClosed(session, source, () -> {
                    step(session, "copying " + source + " into " + copy, createCopy(copy, source, source));
                });
            } else {
                open(session, source); // a crash after the copy left it closed
            }
            step(session, "marking snapshot " + copy, commentOnDatabase(copy, marker(snapshot)));
            step(session, "locking snapshot " + copy, revokePublicAccess(copy));
            long size = session.read("measuring " + copy, catalog -> catalog.databaseSize(copy));
            log.info("Made snapshot {} of {} for {}", copy, source, id);
            return new Copy(size, unavailable);
        }
    }

    @Override
    public void dropSnapshot(SnapshotId snapshot) {
        String copy = snapshot.nameOnCluster();
        try (TargetSession session = provisioner.open()) {
            var entry = session.read("looking up snapshot " + copy, catalog -> catalog.database(copy));
            if (entry.isEmpty()) {
                return;
            }
            String comment = entry.get().comment();
            if (comment != null && !comment.equals(marker(snapshot))) {
                throw new ProvisioningException("database " + copy + " on the cluster is not DAAP's snapshot "
                        + snapshot + "; it is left as it is");
            }
            step(session, "dropping snapshot " + copy, dropDatabase(copy, true));
        }
        log.info("Dropped snapshot {}", copy);
    }

    @Override
    public Copy restore(DatabaseId id, NameOnCluster name, SnapshotId from, SnapshotId replaced) {
        String database = name.value();
        String template = from.nameOnCluster();
        String kept = replaced.nameOnCluster();
        try (TargetSession session = provisioner.open()) {
            if (!exists(session, template)) {
                throw new ProvisioningException("the copy of snapshot " + from + " is missing on the cluster");
            }
            Duration unavailable = Duration.ZERO;
            if (!exists(session, kept)) {
                requireOurDatabase(session, id, database);
                long started = System.nanoTime();
                close(session, database);
                step(session, "keeping the contents of " + database + " as " + kept, renameDatabase(database, kept));
                unavailable = Duration.ofNanos(System.nanoTime() - started);
            }
            step(session, "marking snapshot " + kept, commentOnDatabase(kept, marker(replaced)));
            step(session, "locking snapshot " + kept, revokePublicAccess(kept));
            long started = System.nanoTime();
            if (!exists(session, database)) {
                step(session, "copying " + template + " into " + database, createCopy(database, template, database));
            }
            step(session, "marking database " + database, commentOnDatabase(database, "daap:" + id));
            step(session, "locking database " + database, revokePublicAccess(database));
            step(session, "granting CONNECT on database " + database, grantConnect(database, database));
            open(session, database);
            beforeStep.accept("setting up the access levels of " + database);
            provisioner.setUpAccess(id, name); // a snapshot from before access levels has none
            unavailable = unavailable.plusNanos(System.nanoTime() - started);
            long size = session.read("measuring " + kept, catalog -> catalog.databaseSize(kept));
            log.info("Restored {} from snapshot {}, its contents kept as {}", database, template, kept);
            return new Copy(size, unavailable);
        }
    }

    @Override
    public ConnectionDetails clone(
            DatabaseId id,
            NameOnCluster name,
            String password,
            DatabaseId sourceId,
            NameOnCluster sourceName,
            Optional<SnapshotId> snapshot) {
        String clone = name.value();
        String source = sourceName.value();
        ConnectionDetails details = provisioner.provision(id, name, password, session -> {
            if (snapshot.isPresent()) {
                String template = snapshot.get().nameOnCluster();
                if (!exists(session, template)) {
                    throw new ProvisioningException("the copy of snapshot " + snapshot.get() + " is missing");
                }
                step(session, "copying " + template + " into " + clone, createCopy(clone, template, clone));
            } else {
                requireOurDatabase(session, sourceId, source);
                whileClosed(session, source, () -> {
                    step(session, "copying " + source + " into " + clone, createCopy(clone, source, clone));
                });
            }
        });
        try (TargetSession session = provisioner.open()) {
            if (snapshot.isEmpty()) {
                open(session, source); // a crash after the copy, before it was opened, left it closed
            }
            open(session, clone);
        }
        handOver(clone, source, sourceId);
        beforeStep.accept("setting up the access levels of " + clone);
        provisioner.setUpAccess(id, name);
        log.info("Cloned {} into {} for {}", source, clone, id);
        return details;
    }

    /**
     * In the clone, whatever the source's role and groups owned becomes the clone's role's (and then its owner
     * group's: see {@link PostgresProvisioner#setUpAccess}), and the source's groups lose every privilege there (DROP
     * OWNED finds nothing of theirs left to drop), so the two share no role and the source's purge can still drop its
     * groups. REASSIGN OWNED also moves the databases the source's role owns (its own and its snapshots), which are
     * given back at once: the clone's role owns no other database than the clone, so a crash between the two is
     * repaired by the next attempt, before the clone's password is handed out.
     */
    private void handOver(String clone, String source, DatabaseId sourceId) {
        try (TargetSession inClone = provisioner.openOn(adminOn.apply(clone))) {
            step(inClone, "handing the objects of " + source + " in " + clone + " over", reassignOwned(source, clone));
            for (String group : AccessGrants.groups(sourceId)) {
                if (inClone.read("looking up role " + group, catalog -> catalog.role(group))
                        .isPresent()) {
                    step(inClone, "handing the objects of " + group + " over", reassignOwned(group, clone));
                    step(inClone, "taking the privileges of " + group + " in " + clone, dropOwned(group));
                }
            }
        }
        try (TargetSession session = provisioner.open()) {
            for (String database : session.read(
                    "looking up the databases of " + clone, catalog -> catalog.databasesOwnedBy(clone, clone))) {
                step(session, "giving " + database + " back to " + source, alterDatabaseOwner(database, source));
            }
        }
    }

    /** Closes {@code database}, ends its sessions, runs {@code copy}, and opens it again; returns how long it was shut. */
    private Duration whileClosed(TargetSession session, String database, Runnable copy) {
        long started = System.nanoTime();
        close(session, database);
        try {
            copy.run();
        } catch (RuntimeException e) {
            open(session, database); // a failed copy must not leave the database shut; a crash does, until the retry
            throw e;
        }
        open(session, database);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private void close(TargetSession session, String database) {
        step(session, "closing " + database + " to new sessions", allowConnections(database, false));
        beforeStep.accept("ending the sessions on " + database);
        session.read("ending the sessions on " + database, catalog -> {
            catalog.terminateSessions(database);
            return null;
        });
    }

    private void open(TargetSession session, String database) {
        step(session, "opening " + database + " to sessions", allowConnections(database, true));
    }

    private void step(TargetSession session, String action, String sql) {
        beforeStep.accept(action);
        session.execute(action, sql);
    }

    private static void requireOurDatabase(TargetSession session, DatabaseId id, String database) {
        var entry = session.read("looking up database " + database, catalog -> catalog.database(database));
        if (entry.isEmpty()) {
            throw new ProvisioningException("database " + database + " does not exist on the cluster");
        }
        String comment = entry.get().comment();
        if (!("daap:" + id).equals(comment) && !database.equals(entry.get().owner())) {
            throw new ProvisioningException(
                    "database " + database + " on the cluster was not created by DAAP for " + id);
        }
    }

    private static boolean exists(TargetSession session, String database) {
        return session.read("looking up database " + database, catalog -> catalog.database(database))
                .isPresent();
    }

    private static String marker(SnapshotId snapshot) {
        return "daap:snapshot:" + snapshot;
    }
}
