package dev.daap.adapters.postgres.provisioning;

import java.sql.Connection;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/** What the target cluster's catalog says about roles, databases, sessions and itself; every value is bound. */
final class TargetCatalog {
    private final DSLContext dsl;

    TargetCatalog(Connection connection) {
        this.dsl = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }

    /** A role or database as found: its comment (DAAP's ownership marker, or anything else, or null) and owner. */
    record Entry(String comment, String owner) {}

    Optional<Entry> role(String name) {
        return dsl.fetchOptional("select shobj_description(oid, 'pg_authid') from pg_roles where rolname = ?", name)
                .map(row -> new Entry(row.get(0, String.class), null));
    }

    Optional<Entry> database(String name) {
        return dsl.fetchOptional(
                        "select shobj_description(oid, 'pg_database'), pg_get_userbyid(datdba)"
                                + " from pg_database where datname = ?",
                        name)
                .map(row -> new Entry(row.get(0, String.class), row.get(1, String.class)));
    }

    int serverVersion() {
        return dsl.fetchSingle("select current_setting('server_version_num')::int")
                .get(0, Integer.class);
    }

    boolean superuser() {
        return "on"
                .equals(dsl.fetchSingle("select current_setting('is_superuser')")
                        .get(0, String.class));
    }

    /**
     * What the admin may do, and the server's version.
     *
     * @param sufficient a superuser, or CREATEROLE and CREATEDB
     */
    record AdminPrivileges(boolean sufficient, String serverVersion) {}

    AdminPrivileges adminPrivileges() {
        var row = dsl.fetchSingle("select (rolsuper or (rolcreaterole and rolcreatedb)),"
                + " current_setting('server_version') from pg_roles where rolname = current_user");
        String version = row.get(1, String.class);
        int space = version.indexOf(' '); // Debian's builds add " (Debian 15.14-1.pgdg…)"
        return new AdminPrivileges(row.get(0, Boolean.class), space < 0 ? version : version.substring(0, space));
    }

    /** Ends every session of the role, wherever it is connected; new ones are kept out by NOLOGIN. */
    void terminateSessionsOf(String role) {
        dsl.fetch(
                "select pg_terminate_backend(pid) from pg_stat_activity where usename = ? and pid <> pg_backend_pid()",
                role);
    }

    /** How many other sessions are connected to the database (ended ones leave a moment after they are told). */
    int sessionsOn(String database) {
        return dsl.fetchSingle(
                        "select count(*) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()", database)
                .get(0, Integer.class);
    }

    /** Ends every other session on the database; new ones are kept out by the revoked CONNECT. */
    void terminateSessions(String database) {
        dsl.fetch(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ? and pid <> pg_backend_pid()",
                database);
    }

    /**
     * The database's own {@code default_transaction_read_only} (set for every role, with {@code ALTER DATABASE … SET}),
     * as stored; empty when it has none.
     */
    Optional<String> readOnlySetting(String database) {
        return dsl.fetchOptional(
                        "select substr(setting, length('default_transaction_read_only=') + 1)"
                                + " from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase,"
                                + " unnest(s.setconfig) setting"
                                + " where d.datname = ? and s.setrole = 0"
                                + " and setting like 'default\\_transaction\\_read\\_only=%'",
                        database)
                .map(row -> row.get(0, String.class));
    }

    /**
     * Ends the other sessions on the database that are not the admin's (DAAP's own work there, a backup's dump say,
     * is not the tenant's and must not fail), and returns the server's time just after: every session it missed
     * started later.
     */
    java.time.OffsetDateTime endTenantSessions(String database) {
        dsl.fetch(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ?"
                        + " and pid <> pg_backend_pid() and usename is distinct from current_user",
                database);
        return dsl.fetchSingle("select clock_timestamp()").get(0, java.time.OffsetDateTime.class);
    }

    /** As {@link #endTenantSessions}, for the sessions that started before {@code before} only. */
    void endTenantSessionsStartedBefore(String database, java.time.OffsetDateTime before) {
        dsl.fetch(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = ?"
                        + " and backend_start < cast(? as timestamptz)"
                        + " and pid <> pg_backend_pid() and usename is distinct from current_user",
                database,
                before.toString());
    }

    /** The database's size on disk, or 0 if it does not exist. */
    long databaseSize(String name) {
        return dsl.fetchOptional("select pg_database_size(oid) from pg_database where datname = ?", name)
                .map(row -> row.get(0, Long.class))
                .orElse(0L);
    }

    /** The databases that {@code role} owns, except {@code except}. */
    java.util.List<String> databasesOwnedBy(String role, String except) {
        return dsl.fetch(
                        "select datname from pg_database where datdba = (select oid from pg_roles where rolname = ?)"
                                + " and datname <> ?",
                        role,
                        except)
                .map(row -> row.get(0, String.class));
    }

    /** The schemas of the connected database that its users may hold objects in: all but PostgreSQL's own. */
    java.util.List<String> userSchemas() {
        return dsl.fetch("select nspname from pg_namespace where nspname not like 'pg\\_%'"
                        + " and nspname <> 'information_schema' order by nspname")
                .map(row -> row.get(0, String.class));
    }

    /** The roles carrying {@code marker} (DAAP's {@code daap:<database id>}): a database's groups and logins. */
    java.util.List<String> rolesMarked(String marker) {
        return dsl.fetch(
                        "select rolname from pg_roles where shobj_description(oid, 'pg_authid') = ? order by rolname",
                        marker)
                .map(row -> row.get(0, String.class));
    }
}
