package dev.daap.adapters.postgres.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterIsolation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Revokes CONNECT from PUBLIC on the databases of a PostgreSQL cluster that DAAP did not make (DAAP's own are made
 * without it), in one admin session.
 *
 * <p>Two logins must keep working: the admin's, on the database of its URL, and DAAP's own, on its metadata
 * database when that lives on this server (the quick start's default, or DATABASE_URL on a shared server). An
 * owner or a superuser keeps CONNECT whatever PUBLIC has; a login that had only PUBLIC's gets CONNECT of its own
 * first. The metadata server is told apart by its system identifier (from {@code pg_control_system()}, the same
 * for every connection to one server and different for every other); where either side cannot read it, DAAP's
 * login is kept on a database of its metadata database's name as if it were the same server, which errs towards
 * DAAP staying up.
 *
 * <p>Revoking and granting take the owner's rights: a non-superuser admin leaves the bootstrap superuser's
 * {@code postgres} and {@code template1} as they were (PostgreSQL answers with a warning, not an error), and they
 * are what this returns.
 */
public final class PostgresClusterIsolation implements ClusterIsolation {
    private static final Logger log = LoggerFactory.getLogger(PostgresClusterIsolation.class);
    private static final String DAAP_MADE = "(coalesce(shobj_description(d.oid, 'pg_database') like 'daap:%', false)"
            + " or coalesce(shobj_description(d.datdba, 'pg_authid') like 'daap:%', false))";

    private final AdminSessions sessions;
    private final Optional<OwnLogin> own;

    /**
     * DAAP's own login on its metadata server (see {@link #ownLoginOn}), if it should be kept working where the
     * metadata database shares a cluster.
     */
    public PostgresClusterIsolation(Duration timeout, Optional<OwnLogin> own) {
        this.sessions = new AdminSessions(timeout, "daap-isolation");
        this.own = Objects.requireNonNull(own, "own");
    }

    /**
     * DAAP's login on its metadata database.
     *
     * @param systemIdentifier the metadata server's, or null where it could not be read
     */
    public record OwnLogin(String database, String user, Long systemIdentifier) {
        public OwnLogin {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(user, "user");
        }
    }

    /** Reads DAAP's own login from a connection to its metadata database. */
    public static OwnLogin ownLoginOn(DataSource metadata) {
        try (Connection connection = metadata.getConnection()) {
            DSLContext dsl = dsl(connection);
            var row = dsl.resultQuery("select current_database(), current_user").fetchSingle();
            return new OwnLogin(
                    row.get(0, String.class),
                    row.get(1, String.class),
                    systemIdentifier(dsl).orElse(null));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read DAAP's own login from its metadata database", e);
        }
    }

    @Override
    public List<String> revokePublicConnect(AdminUrl adminUrl) {
        try (Connection connection = sessions.open(adminUrl)) {
            DSLContext dsl = dsl(connection);
            List<String> open = openToPublic(dsl);
            for (Login keep : loginsToKeep(dsl, adminUrl)) {
                if (open.contains(keep.database()) && onlyPublicLetsIn(dsl, keep)) {
                    execute(dsl, "GRANT CONNECT ON DATABASE {0} TO {1}", keep.database(), keep.user());
                }
            }
            for (String database : open) {
                execute(dsl, "REVOKE CONNECT ON DATABASE {0} FROM PUBLIC", database);
            }
            List<String> left = openToPublic(dsl);
            if (!left.isEmpty()) {
                log.warn(
                        "PUBLIC may still connect to {} on the cluster at {}: the admin lacks the owner's rights there",
                        left,
                        adminUrl.address());
            }
            return left;
        } catch (SQLException | RuntimeException e) {
            throw ClusterErrors.describe("revoking CONNECT from PUBLIC", adminUrl, e, sessions);
        }
    }

    private record Login(String database, String user) {}

    private List<Login> loginsToKeep(DSLContext dsl, AdminUrl adminUrl) {
        List<Login> keep = new ArrayList<>();
        keep.add(new Login(adminUrl.database(), adminUrl.user()));
        own.filter(login -> mayBeThisServer(dsl, login))
                .ifPresent(login -> keep.add(new Login(login.database(), login.user())));
        return keep;
    }

    private static boolean mayBeThisServer(DSLContext dsl, OwnLogin login) {
        Optional<Long> here = systemIdentifier(dsl);
        return login.systemIdentifier() == null || here.isEmpty() || here.get().equals(login.systemIdentifier());
    }

    /** Databases DAAP did not make that PUBLIC may connect to (template0 takes no connections at all). */
    private static List<String> openToPublic(DSLContext dsl) {
        return dsl.resultQuery("select d.datname from pg_database d where d.datallowconn and not " + DAAP_MADE
                        + " and has_database_privilege('public', d.oid, 'CONNECT') order by d.datname")
                .fetch(0, String.class);
    }

    /** The login exists and is neither a superuser nor (a member of) the database's owner. */
    private static boolean onlyPublicLetsIn(DSLContext dsl, Login login) {
        return dsl.resultQuery(
                                "select 1 from pg_roles r, pg_database d where r.rolname = ? and d.datname = ?"
                                        + " and not r.rolsuper and not pg_has_role(r.oid, d.datdba, 'MEMBER')",
                                login.user(),
                                login.database())
                        .fetchOne()
                != null;
    }

    /** A statement on a database that may have gone meanwhile: that one is skipped, the others still run. */
    private static void execute(DSLContext dsl, String template, String database, String... roles) {
        QueryPart[] names = new QueryPart[1 + roles.length];
        names[0] = DSL.name(database);
        for (int i = 0; i < roles.length; i++) {
            names[i + 1] = DSL.name(roles[i]);
        }
        try {
            dsl.query(template, names).execute();
        } catch (DataAccessException e) {
            if (!"3D000".equals(e.sqlState())) {
                throw e;
            }
        }
    }

    private static Optional<Long> systemIdentifier(DSLContext dsl) {
        try {
            return Optional.ofNullable(dsl.resultQuery("select system_identifier from pg_control_system()")
                    .fetchOne(0, Long.class));
        } catch (DataAccessException e) {
            return Optional.empty(); // not every managed service lets a non-superuser read it
        }
    }

    private static DSLContext dsl(Connection connection) {
        return DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    }
}
