package dev.daap.domain.provisioning;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;

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

    /** Sets a new password for the database's role. */
    void changePassword(DatabaseId id, NameOnCluster name, String password);

    /**
     * Removes the database and its role that DAAP made for {@code id}: revokes CONNECT, ends open sessions, drops
     * both. Does nothing for what is already gone, or was never made, and leaves alone a role or database of the
     * name that DAAP did not create for {@code id}; so it converges for a database whose provisioning failed at any
     * step. Never hangs on open client connections.
     */
    void deprovision(DatabaseId id, NameOnCluster name);
}
