package dev.daap.adapters.postgres.provisioning;

import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.alterPassword;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.commentOnRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.createDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.createRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropDatabase;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.dropRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantConnect;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.grantRoleToAdmin;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.resetRole;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.revokeConnect;
import static dev.daap.adapters.postgres.provisioning.ProvisioningSql.revokePublicAccess;

import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.AccessLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.ds.common.BaseDataSource;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisions on one target PostgreSQL cluster through its admin connection (a superuser, or a role with CREATEROLE
 * and CREATEDB). The role and the database both carry the database's name on the cluster; each is marked with the comment
 * {@code daap:<database id>}, and the provisioner only ever changes or drops what carries the marker of the id it
 * was given (see {@link Ownership}), so it never takes over {@code postgres} or somebody else's role.
 *
 * <p>Passwords leave the JVM only as SCRAM-SHA-256 verifiers computed here, so neither the server log nor
 * {@code pg_stat_activity} ever holds one in plain text.
 *
 * <p>On servers before 15 every role may create objects in a new database's {@code public} schema. That is left
 * as is: CONNECT is revoked from PUBLIC, so only the database's role can get in, and revoking CREATE from PUBLIC
 * there would also take it from that role (the schema belongs to the bootstrap superuser before 15).
 */
public final class PostgresProvisioner implements Provisioner {
    public static final int DEFAULT_CONNECTION_LIMIT = 20;
    private static final Logger log = LoggerFactory.getLogger(PostgresProvisioner.class);
    private static final int FORCED_DROP_SINCE = 13_00_00;

    private final DataSource admin;
    private final Function<String, DataSource> adminOn;
    private final ClientEndpoint.Resolved clients;
    private final List<String> adminSecrets;
    private final int connectionLimit;

    /** With {@code admin} a PostgreSQL driver's data source, whose copies reach the cluster's other databases. */
    public PostgresProvisioner(DataSource admin, String clientHost, int clientPort) {
        this(admin, new ClientEndpoint.Resolved(clientHost, clientPort, null), List.of(), DEFAULT_CONNECTION_LIMIT);
    }

    /** As {@link #PostgresProvisioner(DataSource, Function, ClientEndpoint.Resolved, List, int)}, for a driver's source. */
    public PostgresProvisioner(
            DataSource admin, ClientEndpoint.Resolved clients, List<String> adminSecrets, int connectionLimit) {
        this(admin, database -> onDatabase(admin, database), clients, adminSecrets, connectionLimit);
    }

    /**
     * @param adminOn      an admin connection source on the named database of the cluster (to set privileges in it)
     * @param clients      where clients reach the cluster, returned by provision
     * @param adminSecrets the admin's user and password, never to appear in an error message
     */
    public PostgresProvisioner(
            DataSource admin,
            Function<String, DataSource> adminOn,
            ClientEndpoint.Resolved clients,
            List<String> adminSecrets,
            int connectionLimit) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.adminOn = Objects.requireNonNull(adminOn, "adminOn");
        this.clients = Objects.requireNonNull(clients, "clients");
        if (clients.port() < 1 || clients.port() > 65_535) {
            throw new IllegalArgumentException("the clients' port must be 1 to 65535");
        }
        if (connectionLimit < 1) {
            throw new IllegalArgumentException("connectionLimit must be at least 1");
        }
        this.adminSecrets = List.copyOf(adminSecrets);
        this.connectionLimit = connectionLimit;
    }

    /** Connects, and finds the admin a superuser or a role that may create roles and databases. */
    @Override
    public AdminCheck checkAdmin() {
        long started = System.nanoTime();
        try (TargetSession session = open()) {
            TargetCatalog.AdminPrivileges privileges =
                    session.read("checking the admin's privileges", TargetCatalog::adminPrivileges);
            if (!privileges.sufficient()) {
                throw new ProvisioningException("the admin connection may not create roles and databases: its role"
                        + " needs CREATEROLE and CREATEDB, or superuser");
            }
            int latencyMs = (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
            return new AdminCheck(privileges.serverVersion(), latencyMs);
        }
    }

    @Override
    public ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password) {
        ConnectionDetails details = provision(
                id,
                name,
                password,
                session -> session.execute("creating database " + name, createDatabase(name.value(), name.value())));
        setUpAccess(id, name);
        return details;
    }

    /**
     * As {@link #provision(DatabaseId, NameOnCluster, String)}, with the database made by {@code create} (a copy,
     * for a clone) when it does not exist yet; {@code create} must leave it owned by the role of {@code name}. The
     * access levels are left to the caller: a copy is closed to connections until it is handed over.
     */
    ConnectionDetails provision(DatabaseId id, NameOnCluster name, String password, Consumer<TargetSession> create) {
        String target = name.value();
        String verifier = verifier(password);
        try (TargetSession session = open(password, verifier)) {
            Ownership ownership = Ownership.read(session, id, target);
            ownership.requireOursOrAbsent("choose another name");
            setUpRole(session, target, ownership.marker(), verifier, ownership.roleExists());
            if (!ownership.databaseExists()) {
                create.accept(session);
            }
            setUpDatabase(session, target, ownership.marker());
        }
        log.info("Provisioned role and database {} for {}", target, id);
        return new ConnectionDetails(clients.host(), clients.port(), target, target, clients.sslmode());
    }

    /** In one transaction, so a crash cannot leave the role without its marker. */
    private void setUpRole(TargetSession session, String target, String marker, String verifier, boolean exists) {
        boolean superuser = session.read("checking the admin's privileges", TargetCatalog::superuser);
        session.inQuietTransaction("setting up role " + target, () -> {
            session.execute(
                    "creating role " + target,
                    exists
                            ? resetRole(target, verifier, connectionLimit)
                            : createRole(target, verifier, connectionLimit));
            session.execute("marking role " + target, commentOnRole(target, marker));
            if (!superuser) {
                session.execute("granting role " + target + " to the admin", grantRoleToAdmin(target));
            }
        });
    }

    /** CREATE DATABASE refuses a transaction block, so every step here must be safe to repeat. */
    private static void setUpDatabase(TargetSession session, String target, String marker) {
        // Also repairs a crash between CREATE DATABASE and its comment.
        session.execute("marking database " + target, commentOnDatabase(target, marker));
        session.execute("locking database " + target, revokePublicAccess(target));
        session.execute("granting CONNECT on database " + target, grantConnect(target, target));
    }

    @Override
    public void setUpAccess(DatabaseId id, NameOnCluster name) {
        String target = name.value();
        try (TargetSession session = open()) {
            Ownership ownership = Ownership.read(session, id, target);
            if (!ownership.roleIsOurs() || !ownership.databaseIsOurs()) {
                throw new ProvisioningException("the role and database " + target + " that DAAP made for " + id
                        + " are not both on the target; provision the database again");
            }
            setUpAccess(session, id, target);
        }
        log.info("Set up the access levels of {} for {}", target, id);
    }

    /** The groups on the cluster, then the privileges inside the database, then the databases the REASSIGN moved. */
    private void setUpAccess(TargetSession session, DatabaseId id, String target) {
        AccessGrants.setUpGroups(session, id, target);
        try (TargetSession inDatabase = openOn(adminOn.apply(target))) {
            AccessGrants.grantInDatabase(inDatabase, id, target);
        }
        AccessGrants.giveDatabasesBack(session, id, target);
    }

    @Override
    public void enableLogin(DatabaseId id, NameOnCluster database, String login, AccessLevel level, String password) {
        String verifier = verifier(password);
        try (TargetSession session = open(password, verifier)) {
            Logins.enable(session, id, database.value(), login, level, verifier, connectionLimit);
        }
        log.info("Enabled login {} of {}", login, id);
    }

    @Override
    public void disableLogin(DatabaseId id, String login) {
        try (TargetSession session = open()) {
            Logins.disable(session, id, login);
        }
        log.info("Disabled login {} of {}", login, id);
    }

    @Override
    public void dropLogin(DatabaseId id, NameOnCluster database, String login) {
        try (TargetSession session = open();
                TargetSession inDatabase = openOn(database.value())) {
            Logins.drop(session, inDatabase, id, login);
        }
        log.info("Dropped login {} of {}", login, id);
    }

    @Override
    public void limitConnections(DatabaseId id, NameOnCluster name, int maxConnections) {
        String target = name.value();
        try (TargetSession session = open()) {
            Ownership ownership = Ownership.read(session, id, target);
            if (!ownership.databaseIsOurs()) {
                throw new ProvisioningException("the database " + target + " that DAAP made for " + id
                        + " is not on the target; provision the database again");
            }
            session.execute(
                    "limiting the connections of database " + target,
                    ProvisioningSql.databaseConnectionLimit(target, maxConnections));
        }
        log.info("Limited database {} of {} to {} connections", target, id, maxConnections);
    }

    /**
     * The setting and the first end of the sessions commit together, so a crash leaves both done or neither (a retry
     * that finds the setting in place has nothing left to do). A session that connects between that end and the
     * commit would still start under the old setting: the sessions that started before the commit are ended once
     * more after it. (Only a crash in the moment between the commit and that second end could leave such a
     * session, which began within that same moment, as it started; a session can set it off anyway.)
     */
    @Override
    public void applyReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
        String target = name.value();
        try (TargetSession session = open()) {
            Ownership ownership = Ownership.read(session, id, target);
            if (!ownership.databaseIsOurs()) {
                throw new ProvisioningException("the database " + target + " that DAAP made for " + id
                        + " is not on the target; provision the database again");
            }
            Optional<String> setting = session.read(
                    "reading the settings of database " + target, catalog -> catalog.readOnlySetting(target));
            boolean inPlace = readOnly ? setting.filter("on"::equals).isPresent() : setting.isEmpty();
            if (inPlace) {
                return;
            }
            String action = (readOnly ? "making database " : "making writable database ") + target;
            var endedAt = new java.util.concurrent.atomic.AtomicReference<java.time.OffsetDateTime>();
            session.inTransaction(action, () -> {
                session.execute(
                        action,
                        readOnly
                                ? ProvisioningSql.readOnlyByDefault(target)
                                : ProvisioningSql.writableByDefault(target));
                endedAt.set(session.read(
                        "ending the sessions on database " + target, catalog -> catalog.endTenantSessions(target)));
            });
            session.read("ending the sessions on database " + target, catalog -> {
                catalog.endTenantSessionsStartedBefore(target, endedAt.get());
                return null;
            });
        }
        log.info("Made database {} of {} {} and ended its sessions", target, id, readOnly ? "read-only" : "writable");
    }

    @Override
    public void changePassword(DatabaseId id, NameOnCluster name, String password) {
        String target = name.value();
        String verifier = verifier(password);
        try (TargetSession session = open(password, verifier)) {
            Ownership ownership = Ownership.read(session, id, target);
            ownership.requireOursOrAbsent("choose another name");
            if (!ownership.roleExists()) {
                throw new ProvisioningException("role " + target + " does not exist on the target; provision the"
                        + " database again to create it");
            }
            session.inQuietTransaction(
                    "changing the password of role " + target,
                    () -> session.execute("changing the password of role " + target, alterPassword(target, verifier)));
        }
        log.info("Changed the password of role {} for {}", target, id);
    }

    /**
     * Drops what DAAP made for {@code id} and nothing else: a role or database of the name that is not ours (the
     * reason its provisioning was refused, say) is left as it is, so a failed database can always be deleted.
     */
    /**
     * Drops what DAAP made for {@code id} and nothing else, under its name and parked: a role or database of the
     * name that is not ours (the reason its provisioning was refused, say) is left as it is, so a failed database
     * can always be deleted. Databases go first: a role cannot be dropped while it owns one (a crash between parking
     * the database and its role leaves the parked database owned by the role under its own name).
     */
    @Override
    public void deprovision(DatabaseId id, NameOnCluster name) {
        List<String> names = List.of(name.value(), NameOnCluster.parked(id).value());
        try (TargetSession session = open()) {
            for (String target : names) {
                Ownership ownership = Ownership.read(session, id, target);
                if (ownership.databaseIsOurs()) {
                    closeAndDrop(session, target, ownership.roleExists());
                }
            }
            for (String target : names) {
                Ownership ownership = Ownership.read(session, id, target);
                if (ownership.roleIsOurs()) {
                    session.execute("dropping role " + target, dropRole(target));
                }
                if (!ownership.notOurs().isEmpty()) {
                    log.info(
                            "Left the {} named {} on the target as it is: DAAP did not create it for {}",
                            String.join(" and ", ownership.notOurs()),
                            target,
                            id);
                }
            }
            AccessGrants.dropRoles(session, id);
        }
        log.info("Deprovisioned what DAAP made of role and database {} for {}", name, id);
    }

    @Override
    public void deactivate(DatabaseId id, NameOnCluster name) {
        try (TargetSession session = open()) {
            Parking.deactivate(session, id, name.value());
        }
        log.info("Parked role and database {} for {}", name, id);
    }

    @Override
    /** As {@link #applyReadOnly}, and then, for a move, waits until the ended sessions are gone. */
    public void setReadOnly(DatabaseId id, NameOnCluster name, boolean readOnly) {
        applyReadOnly(id, name, readOnly);
        if (readOnly) {
            try (TargetSession session = open()) {
                MoveSteps.sessionsGone(session, name.value());
            }
        }
    }

    @Override
    public void handOver(DatabaseId from, NameOnCluster name, DatabaseId to) {
        try (TargetSession session = open()) {
            MoveSteps.handOver(session, from, name.value(), to);
        }
        log.info("Handed the old copy {} of {} over to {}", name, from, to);
    }

    @Override
    public void reactivate(DatabaseId id, NameOnCluster name) {
        try (TargetSession session = open()) {
            Parking.reactivate(session, id, name.value());
            setUpAccess(session, id, name.value()); // parked before access levels existed, it has none yet
        }
        log.info("Restored role and database {} for {}", name, id);
    }

    /** Keeps new sessions out, ends the open ones, then drops; FORCE closes the race with a session being born. */
    private static void closeAndDrop(TargetSession session, String target, boolean roleExists) {
        session.execute(
                "closing database " + target + " to new sessions",
                roleExists ? revokeConnect(target, target) : revokePublicAccess(target));
        session.read("ending the sessions on database " + target, catalog -> {
            catalog.terminateSessions(target);
            return null;
        });
        boolean force = session.read("reading the server version", TargetCatalog::serverVersion) >= FORCED_DROP_SINCE;
        session.execute("dropping database " + target, dropDatabase(target, force));
    }

    /** The SCRAM-SHA-256 verifier PostgreSQL would store; a fresh salt each time, as the server would pick. */
    private static String verifier(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("password is required");
        }
        return PasswordUtil.encodeScramSha256(password.toCharArray());
    }

    /** A session on the cluster's database {@code database}, as the admin. */
    TargetSession openOn(String database) {
        return openOn(adminOn.apply(database));
    }

    /**
     * A copy of a PostgreSQL driver's data source that connects to {@code database} instead: every property the
     * driver knows is carried over. Other sources (a pool, a wrapper) need the explicit {@code adminOn}.
     */
    private static DataSource onDatabase(DataSource admin, String database) {
        BaseDataSource original;
        try {
            original = admin.unwrap(BaseDataSource.class);
        } catch (java.sql.SQLException | RuntimeException e) {
            throw new ProvisioningException("the admin connection cannot reach the database " + database
                    + ": DAAP needs PostgreSQL's driver to connect there");
        }
        var copy = new PGSimpleDataSource();
        for (PGProperty property : PGProperty.values()) {
            String value = original.getProperty(property);
            if (value != null) {
                copy.setProperty(property, value);
            }
        }
        copy.setUser(original.getUser()); // kept apart from the properties by the driver
        copy.setPassword(original.getPassword());
        copy.setServerNames(original.getServerNames());
        copy.setPortNumbers(original.getPortNumbers());
        copy.setDatabaseName(database);
        return copy;
    }

    /** A session on another database of the cluster, through {@code source}, with this provisioner's errors. */
    TargetSession openOn(DataSource source) {
        return TargetSession.open(source, new ProvisioningErrors(clients.host(), clients.port(), adminSecrets));
    }

    TargetSession open(String... secrets) {
        List<String> hidden = new ArrayList<>(adminSecrets);
        hidden.addAll(List.of(secrets));
        return TargetSession.open(admin, new ProvisioningErrors(clients.host(), clients.port(), hidden));
    }
}
