package dev.daap.adapters.postgres.provisioning;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/**
 * The text of the utility statements (roles, databases, comments, grants). PostgreSQL takes no bind values in
 * them and jOOQ has no DSL for most, so every name goes through jOOQ's identifier quoting and every value through
 * its literal escaping; nothing from a request is spliced in raw.
 */
final class ProvisioningSql {
    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES);

    private ProvisioningSql() {}

    static String identifier(String name) {
        return POSTGRES.render(DSL.quotedName(name));
    }

    static String literal(String value) {
        return POSTGRES.render(DSL.inline(value));
    }

    static String createRole(String role, String passwordVerifier, int connectionLimit) {
        return "CREATE ROLE " + identifier(role) + " LOGIN PASSWORD " + literal(passwordVerifier) + " CONNECTION LIMIT "
                + connectionLimit;
    }

    /** Re-applies everything CREATE ROLE set, so that a retry converges and the newest password wins. */
    static String resetRole(String role, String passwordVerifier, int connectionLimit) {
        return "ALTER ROLE " + identifier(role) + " LOGIN PASSWORD " + literal(passwordVerifier) + " CONNECTION LIMIT "
                + connectionLimit;
    }

    static String alterPassword(String role, String passwordVerifier) {
        return "ALTER ROLE " + identifier(role) + " PASSWORD " + literal(passwordVerifier);
    }

    static String commentOnRole(String role, String comment) {
        return "COMMENT ON ROLE " + identifier(role) + " IS " + literal(comment);
    }

    /** A non-superuser admin must be a member of the role to create a database it owns and to end its sessions. */
    static String grantRoleToAdmin(String role) {
        return "GRANT " + identifier(role) + " TO CURRENT_USER";
    }

    static String createDatabase(String database, String owner) {
        return "CREATE DATABASE " + identifier(database) + " OWNER " + identifier(owner);
    }

    static String commentOnDatabase(String database, String comment) {
        return "COMMENT ON DATABASE " + identifier(database) + " IS " + literal(comment);
    }

    static String revokePublicAccess(String database) {
        return "REVOKE CONNECT, TEMPORARY ON DATABASE " + identifier(database) + " FROM PUBLIC";
    }

    static String grantConnect(String database, String role) {
        return "GRANT CONNECT ON DATABASE " + identifier(database) + " TO " + identifier(role);
    }

    static String revokeConnect(String database, String role) {
        return "REVOKE CONNECT ON DATABASE " + identifier(database) + " FROM PUBLIC, " + identifier(role);
    }

    static String dropDatabase(String database, boolean force) {
        return "DROP DATABASE IF EXISTS " + identifier(database) + (force ? " WITH (FORCE)" : "");
    }

    static String allowConnections(String database, boolean allow) {
        return "ALTER DATABASE " + identifier(database) + " WITH ALLOW_CONNECTIONS " + allow;
    }

    static String databaseConnectionLimit(String database, int limit) {
        return "ALTER DATABASE " + identifier(database) + " CONNECTION LIMIT " + limit;
    }

    /** New sessions of the database start read-only (a session may still SET it off). */
    static String readOnlyByDefault(String database) {
        return "ALTER DATABASE " + identifier(database) + " SET default_transaction_read_only = on";
    }

    /** New sessions of the database start as the server's default says (writable). */
    static String writableByDefault(String database) {
        return "ALTER DATABASE " + identifier(database) + " RESET default_transaction_read_only";
    }

    static String login(String role, boolean login) {
        return "ALTER ROLE " + identifier(role) + (login ? " LOGIN" : " NOLOGIN");
    }

    static String renameDatabase(String from, String to) {
        return "ALTER DATABASE " + identifier(from) + " RENAME TO " + identifier(to);
    }

    static String renameRole(String from, String to) {
        return "ALTER ROLE " + identifier(from) + " RENAME TO " + identifier(to);
    }

    static String dropRole(String role) {
        return "DROP ROLE IF EXISTS " + identifier(role);
    }

    /** A copy nobody can log in to until DAAP has set its privileges; the template must have no sessions. */
    static String createCopy(String database, String template, String owner) {
        return "CREATE DATABASE " + identifier(database) + " TEMPLATE " + identifier(template) + " OWNER "
                + identifier(owner) + " ALLOW_CONNECTIONS false";
    }

    static String alterDatabaseOwner(String database, String owner) {
        return "ALTER DATABASE " + identifier(database) + " OWNER TO " + identifier(owner);
    }

    static String reassignOwned(String from, String to) {
        return "REASSIGN OWNED BY " + identifier(from) + " TO " + identifier(to);
    }

    static String createGroup(String role) {
        return "CREATE ROLE " + identifier(role) + " NOLOGIN";
    }

    static String grantMembership(String group, String member) {
        return "GRANT " + identifier(group) + " TO " + identifier(member);
    }

    /** From login on, the member acts as the group: what it creates belongs to the group, whichever login made it. */
    static String actAs(String login, String group) {
        return "ALTER ROLE " + identifier(login) + " SET role = " + literal(group);
    }

    static String revokeCreateFromPublic(String schema) {
        return "REVOKE CREATE ON SCHEMA " + identifier(schema) + " FROM PUBLIC";
    }

    static String grantOnSchema(String privileges, String schema, String role) {
        return "GRANT " + privileges + " ON SCHEMA " + identifier(schema) + " TO " + identifier(role);
    }

    /** {@code kind} is TABLES or SEQUENCES; {@code privileges} a fixed list from {@link AccessGrants}. */
    static String grantOnAll(String privileges, String kind, String schema, String role) {
        return "GRANT " + privileges + " ON ALL " + kind + " IN SCHEMA " + identifier(schema) + " TO "
                + identifier(role);
    }

    /** {@code kind} is TABLES, SEQUENCES or SCHEMAS; {@code privileges} a fixed list from {@link AccessGrants}. */
    static String defaultPrivileges(String creator, String privileges, String kind, String role) {
        return "ALTER DEFAULT PRIVILEGES FOR ROLE " + identifier(creator) + " GRANT " + privileges + " ON " + kind
                + " TO " + identifier(role);
    }

    /**
     * Drops what the role owns in the current database and revokes what it was granted there and on the cluster's
     * shared objects (databases); only for roles granted nothing on those (the groups: CONNECT goes to logins).
     */
    static String dropOwned(String role) {
        return "DROP OWNED BY " + identifier(role);
    }
}
