package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.actAs;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.alterDatabaseOwner;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.createGroup;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.defaultPrivileges;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantMembership;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantOnAll;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantOnSchema;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantRoleToAdmin;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.reassignOwned;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.revokeCreateFromPublic;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.AccessLevel;
import java.util.List;

/**
 * The access levels of one database on its cluster: three group roles without login ({@link AccessLevel#groupRole}),
 * marked {@code daap:<database id>} like the database's own role. Inside the database the owner group may create in
 * {@code public}, the other two may only use the schemas, and default privileges for whatever the owner group creates
 * give read-only members SELECT and read-write members SELECT, INSERT, UPDATE and DELETE (USAGE and UPDATE on
 * sequences too), so nobody has to GRANT after a migration. Groups get no CONNECT: logins get it one by one, so a
 * group holds nothing outside its database (which lets a clone shed its source's groups with DROP OWNED). Every step
 * is a GRANT, a check before a CREATE, or a REASSIGN that finds nothing the second time: repeating converges.
 */
final class AccessGrants {
    static final String READ_TABLES = "SELECT";
    static final String WRITE_TABLES = "SELECT, INSERT, UPDATE, DELETE";
    static final String READ_SEQUENCES = "SELECT";
    static final String WRITE_SEQUENCES = "USAGE, SELECT, UPDATE";

    private AccessGrants() {}

    static String owner(DatabaseId id) {
        return AccessLevel.OWNER.groupRole(id);
    }

    static List<String> groups(DatabaseId id) {
        return List.of(
                AccessLevel.OWNER.groupRole(id),
                AccessLevel.READ_WRITE.groupRole(id),
                AccessLevel.READ_ONLY.groupRole(id));
    }

    /**
     * On the cluster: the three groups exist and are ours, and {@code login} (the database's first owner login) is a
     * member of the owner group and acts as it from login on.
     */
    static void setUpGroups(TargetSession session, DatabaseId id, String login) {
        String marker = "daap:" + id;
        boolean superuser = session.read("checking the admin's privileges", TargetCatalog::superuser);
        for (String group : groups(id)) {
            var existing = session.read("looking up role " + group, catalog -> catalog.role(group));
            if (existing.isPresent() && !marker.equals(existing.get().comment())) {
                throw new ProvisioningException("a role named " + group + " already exists on the target and was not"
                        + " created by DAAP for this database; remove it");
            }
            if (existing.isEmpty()) {
                session.inQuietTransaction("creating group " + group, () -> {
                    session.execute("creating group " + group, createGroup(group));
                    session.execute("marking group " + group, commentOnRole(group, marker));
                });
            }
            if (!superuser) {
                session.execute("granting group " + group + " to the admin", grantRoleToAdmin(group));
            }
        }
        joinOwners(session, id, login);
    }

    /** {@code login} joins the owner group and acts as it from its next login on. */
    static void joinOwners(TargetSession session, DatabaseId id, String login) {
        String owner = owner(id);
        session.execute("granting " + owner + " to " + login, grantMembership(owner, login));
        session.execute("making " + login + " act as " + owner, actAs(login, owner));
    }

    /**
     * Inside the database ({@code inDatabase} is connected to it): what {@code login} owned passes to the owner
     * group, then the privileges and default privileges of the three groups. REASSIGN OWNED also moves the databases
     * the login owns on the cluster, which {@link #giveDatabasesBack} returns.
     */
    static void grantInDatabase(TargetSession inDatabase, DatabaseId id, String login) {
        String owner = owner(id);
        String readWrite = AccessLevel.READ_WRITE.groupRole(id);
        String readOnly = AccessLevel.READ_ONLY.groupRole(id);
        inDatabase.execute("handing what " + login + " owns to " + owner, reassignOwned(login, owner));
        List<String> schemas = inDatabase.read("listing the schemas", TargetCatalog::userSchemas);
        if (schemas.contains("public")) {
            inDatabase.execute("keeping PUBLIC from creating in schema public", revokeCreateFromPublic("public"));
            inDatabase.execute(
                    "letting " + owner + " create in schema public", grantOnSchema("USAGE, CREATE", "public", owner));
        }
        for (String schema : schemas) {
            for (String group : List.of(readWrite, readOnly)) {
                inDatabase.execute(
                        "granting USAGE on schema " + schema + " to " + group, grantOnSchema("USAGE", schema, group));
            }
            grantAll(inDatabase, schema, readWrite, WRITE_TABLES, WRITE_SEQUENCES);
            grantAll(inDatabase, schema, readOnly, READ_TABLES, READ_SEQUENCES);
        }
        setDefaults(inDatabase, owner, readWrite, WRITE_TABLES, WRITE_SEQUENCES);
        setDefaults(inDatabase, owner, readOnly, READ_TABLES, READ_SEQUENCES);
    }

    private static void grantAll(TargetSession session, String schema, String group, String tables, String sequences) {
        session.execute(
                "granting on the tables of " + schema + " to " + group, grantOnAll(tables, "TABLES", schema, group));
        session.execute(
                "granting on the sequences of " + schema + " to " + group,
                grantOnAll(sequences, "SEQUENCES", schema, group));
    }

    private static void setDefaults(
            TargetSession session, String owner, String group, String tables, String sequences) {
        String action = "setting the default privileges of " + group;
        session.execute(action, defaultPrivileges(owner, tables, "TABLES", group));
        session.execute(action, defaultPrivileges(owner, sequences, "SEQUENCES", group));
        session.execute(action, defaultPrivileges(owner, "USAGE", "SCHEMAS", group));
    }

    /** The databases that REASSIGN OWNED moved to the owner group go back to the login that owned them. */
    static void giveDatabasesBack(TargetSession session, DatabaseId id, String login) {
        String owner = owner(id);
        for (String database :
                session.read("looking up the databases of " + owner, catalog -> catalog.databasesOwnedBy(owner, ""))) {
            session.execute("giving " + database + " back to " + login, alterDatabaseOwner(database, login));
        }
    }

    /**
     * Drops every role left that DAAP made for the database (its groups, and any login of it), found by their marker;
     * what they owned or were granted went with the database and its snapshots, dropped before.
     */
    static void dropRoles(TargetSession session, DatabaseId id) {
        for (String role :
                session.read("looking up the roles of " + id, catalog -> catalog.rolesMarked("daap:" + id))) {
            session.execute("dropping role " + role, dropRole(role));
        }
    }
}
