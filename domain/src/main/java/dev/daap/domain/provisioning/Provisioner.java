package dev.daap.domain.provisioning;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.user.AccessLevel;

/**
 * Creates and removes the real thing on one target cluster (see {@link Provisioners}): a login role and a database
 * it owns, both called {@code name}. Every method is idempotent and checks the cluster's catalog before it acts, so
 * a retry after a crash at any point converges. Failures are reported as {@link ProvisioningException}, whose
 * message never holds a secret.
 */
public interface Provisioner {

    /**
     * Connects with the admin URL and checks that it may create roles and databases; throws a
     * {@link ProvisioningException} saying why not, in words without the URL, user or password.
     */
    AdminCheck checkAdmin();

    /**
     * Makes sure the role and the database {@code name} exist, the role logs in with {@code password}, and nobody
     * but the role may connect. Refuses to take over a role or database that DAAP did not create for {@code id}.
     */
    ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password);

    /**
     * Gives the database its access levels (see {@link dev.daap.domain.user.AccessLevel}): the three group roles,
     * their privileges in the database and the default privileges that make whatever the owner group creates readable
     * by read-only and writable by read-write members; the role {@code name} (the first owner user's login) joins
     * the owner group and acts as it from login on, and what it owned in the database passes to the owner group.
     * Provisioning does this too; it is here for databases made before access levels, and converges when repeated.
     */
    void setUpAccess(DatabaseId id, NameOnCluster name);

    /**
     * Makes sure the login {@code login} of the database exists, logs in with {@code password}, is a member of the
     * group of {@code level} and acts as it from login on, and may connect to the database {@code database} (and to
     * no other). Creates it if it is missing; refuses a role of the name that DAAP did not make for {@code id}.
     */
    void enableLogin(DatabaseId id, NameOnCluster database, String login, AccessLevel level, String password);

    /** The login of the database can no longer log in, and its open sessions are ended; nothing if it is gone. */
    void disableLogin(DatabaseId id, String login);

    /**
     * Drops the login of the database: no more logins, its sessions ended, what it may own in the database handed to
     * the owner group, its privileges revoked, the role dropped. Nothing if it is gone already.
     */
    void dropLogin(DatabaseId id, NameOnCluster database, String login);

    /**
     * Limits the database DAAP made for {@code id} to {@code maxConnections} concurrent connections (its plan's), for
     * all its logins together; sessions already open stay. Converges when repeated.
     */
    void limitConnections(DatabaseId id, NameOnCluster name, int maxConnections);

    /**
     * Makes the database DAAP made for {@code id} read-only for new sessions ({@code default_transaction_read_only}
     * on, as the database's own setting), or writable again (the setting removed), and, when that changed the
     * setting, ends the database's open sessions (not DAAP's own) so that their clients reconnect under it. The
     * setting and the end of the sessions are one transaction on the cluster, so a crash leaves both or neither;
     * repeated with the setting in place it does nothing, so it converges and ends no session twice.
     */
    void applyReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly);

    /** Sets a new password for the database's role. */
    void changePassword(DatabaseId id, NameOnCluster name, String password);

    /**
     * Removes the database and its role that DAAP made for {@code id}, under {@code name} or parked (see
     * {@link #deactivate}): revokes CONNECT, ends open sessions, drops both. Does nothing for what is already gone,
     * or was never made, and leaves alone a role or database of the name that DAAP did not create for {@code id}; so
     * it converges for a database whose provisioning failed at any step. Never hangs on open client connections.
     */
    void deprovision(DatabaseId id, NameOnCluster name);

    /**
     * Takes the database DAAP made for {@code id} out of use and keeps its data: no new logins (the database does
     * not allow connections, the role is NOLOGIN), open sessions ended, then database and role renamed to
     * {@link NameOnCluster#parked} so that {@code name} is free on the cluster. Each step checks what is there
     * first, so a repeat after a crash between any two steps converges; what is already parked is left as it is.
     */
    void deactivate(DatabaseId id, NameOnCluster name);

    /**
     * Undoes {@link #deactivate}: renames the parked database and role to {@code name} (which may differ from the
     * name they had), and lets the role log in and the database take connections again; the password is the one
     * the role had. Converges when repeated; refuses (a {@link ProvisioningException}) when {@code name} is taken on
     * the cluster by something that is not this database's, or nothing of the database is left to restore.
     */
    void reactivate(DatabaseId id, NameOnCluster name);

    /**
     * The read-only switch of a move: as {@link #applyReadOnly}, and then, when made read-only, waits (a few seconds
     * at most) until the sessions it ended are gone, so that whatever they committed is in the dump that follows.
     * With {@code readOnly} false (a move that gave up) it takes writes again. Converges when repeated.
     */
    void setReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly);

    /**
     * The last step of a move, on the cluster it left: the database and role DAAP made for {@code from}, under
     * {@code name} or parked already, are taken out of use and parked ({@link #deactivate}), then handed over to
     * {@code to}, a deleted database of their own: marked and parked as {@code to}'s, its group roles renamed to
     * {@code to}'s, the logins of {@code from}'s users closed and marked as {@code to}'s (so its purge drops them),
     * and read-only no longer (so a restore of {@code to} gives a database that takes writes). The re-marking is one
     * transaction on the cluster; the whole converges when repeated.
     */
    void handOver(DatabaseId from, NameOnCluster name, DatabaseId to);
}
