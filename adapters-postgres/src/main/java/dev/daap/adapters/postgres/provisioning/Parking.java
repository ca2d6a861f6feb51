package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.allowConnections;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.login;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.renameDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.renameRole;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.ProvisioningException;
import java.time.Duration;

/**
 * Deletion that can be undone, on the cluster: a deleted database and its role are kept, closed to logins, under
 * their parked name ({@link NameOnCluster#parked}); a restore brings them back. Every step reads the catalog first
 * and only touches what carries the database's marker (see {@link Ownership}), so a repeat after a crash between
 * any two steps converges.
 */
final class Parking {
    /** How long a rename waits for ended sessions to leave; pg_terminate_backend only signals them. */
    private static final Duration SESSIONS_GONE_WITHIN = Duration.ofSeconds(5);

    private Parking() {}

    /** No new logins, the open sessions ended, then database and role renamed to the parked name. */
    static void deactivate(TargetSession session, DatabaseId id, String name) {
        String parked = NameOnCluster.parked(id).value();
        Ownership live = Ownership.read(session, id, name);
        Ownership park = Ownership.read(session, id, parked);
        if (live.roleIsOurs()) {
            session.execute("closing role " + name + " to logins", login(name, false));
        }
        if (live.databaseIsOurs()) {
            if (park.databaseExists()) {
                throw new ProvisioningException("database " + name + " and its parked copy " + parked
                        + " both exist on the target; remove the one that should not be there");
            }
            session.execute("closing database " + name + " to connections", allowConnections(name, false));
            endSessions(session, name);
            session.execute("parking database " + name, renameDatabase(name, parked));
        }
        if (live.roleIsOurs() && !park.roleExists()) {
            session.read("ending the sessions of role " + name, catalog -> {
                catalog.terminateSessionsOf(name);
                return null;
            });
            session.execute("parking role " + name, renameRole(name, parked));
        }
    }

    /** The parked database and role renamed to {@code name}, open to logins and connections again. */
    static void reactivate(TargetSession session, DatabaseId id, String name) {
        String parked = NameOnCluster.parked(id).value();
        Ownership live = Ownership.read(session, id, name);
        Ownership park = Ownership.read(session, id, parked);
        live.requireOursOrAbsent("restore the database under another name");
        if (!live.databaseExists() && !park.databaseIsOurs()) {
            throw new ProvisioningException(
                    "the database of " + id + " is no longer on the target; it cannot be" + " restored");
        }
        if (!live.roleExists() && !park.roleIsOurs()) {
            throw new ProvisioningException(
                    "the role of " + id + " is no longer on the target; it cannot be" + " restored");
        }
        if (!live.databaseExists()) {
            session.execute("restoring database " + name, renameDatabase(parked, name));
        }
        if (!live.roleExists()) {
            session.execute("restoring role " + name, renameRole(parked, name));
        }
        session.execute("opening role " + name + " to logins", login(name, true));
        session.execute("opening database " + name + " to connections", allowConnections(name, true));
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProvisioningException("interrupted while waiting for the database's sessions to end");
        }
    }

    /** Ends the sessions on {@code database} and waits (a few seconds at most) until they are gone. */
    static void endSessions(TargetSession session, String database) {
        long deadline = System.nanoTime() + SESSIONS_GONE_WITHIN.toNanos();
        session.read("ending the sessions on database " + database, catalog -> {
            catalog.terminateSessions(database);
            while (catalog.sessionsOn(database) > 0 && System.nanoTime() < deadline) {
                pause();
            }
            return null;
        });
    }
}
