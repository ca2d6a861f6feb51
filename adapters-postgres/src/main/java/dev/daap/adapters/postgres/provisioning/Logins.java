package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.actAs;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.createRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropOwned;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantConnect;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantMembership;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantRoleToAdmin;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.login;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.reassignOwned;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.resetRole;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.AccessLevel;
import java.util.Optional;

/**
 * The logins of a database's users on its cluster. Each is marked {@code daap:<database id>} like the database's own
 * role, is a member of the group of its access level and acts as it from login on (so what an owner login creates
 * belongs to the owner group), and has CONNECT on its database alone. Each step reads the catalog or is a GRANT, so a
 * repeat after a crash converges; a role of the name that DAAP did not make for the database is never touched.
 */
final class Logins {
    private Logins() {}

    /** Creates or updates the login, with the password given as a SCRAM verifier, in one quiet transaction. */
    static void enable(
            TargetSession session,
            DatabaseId id,
            String database,
            String login,
            AccessLevel level,
            String verifier,
            int connectionLimit) {
        String marker = "daap:" + id;
        boolean exists = ours(session, id, login).isPresent();
        boolean superuser = session.read("checking the admin's privileges", TargetCatalog::superuser);
        session.inQuietTransaction("setting up login " + login, () -> {
            session.execute(
                    "setting up login " + login,
                    exists
                            ? resetRole(login, verifier, connectionLimit)
                            : createRole(login, verifier, connectionLimit));
            session.execute("marking login " + login, commentOnRole(login, marker));
            if (!superuser) {
                session.execute("granting login " + login + " to the admin", grantRoleToAdmin(login));
            }
        });
        String group = level.groupRole(id);
        session.execute("granting " + group + " to " + login, grantMembership(group, login));
        session.execute("making " + login + " act as " + group, actAs(login, group));
        session.execute("granting CONNECT on " + database + " to " + login, grantConnect(database, login));
    }

    /** NOLOGIN, then its sessions ended. */
    static void disable(TargetSession session, DatabaseId id, String login) {
        if (ours(session, id, login).isEmpty()) {
            return;
        }
        session.execute("closing login " + login, login(login, false));
        session.read("ending the sessions of " + login, catalog -> {
            catalog.terminateSessionsOf(login);
            return null;
        });
    }

    /**
     * Disabled first; then, inside the database, what it owns passes to the owner group and DROP OWNED revokes its
     * privileges (CONNECT included); then the role goes.
     */
    static void drop(TargetSession session, TargetSession inDatabase, DatabaseId id, String login) {
        if (ours(session, id, login).isEmpty()) {
            return;
        }
        disable(session, id, login);
        inDatabase.execute(
                "handing what " + login + " owns to the owner group",
                reassignOwned(login, AccessLevel.OWNER.groupRole(id)));
        inDatabase.execute("revoking the privileges of " + login, dropOwned(login));
        session.execute("dropping login " + login, dropRole(login));
    }

    /** The login if it exists and is ours; refuses one of the name that is somebody else's. */
    private static Optional<TargetCatalog.Entry> ours(TargetSession session, DatabaseId id, String login) {
        var entry = session.read("looking up login " + login, catalog -> catalog.role(login));
        if (entry.isPresent() && !("daap:" + id).equals(entry.get().comment())) {
            throw new ProvisioningException("a role named " + login + " already exists on the target and was not"
                    + " created by DAAP for this database; it is left as it is");
        }
        return entry;
    }
}
