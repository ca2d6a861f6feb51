package dev.daap.adapters.postgres.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterProbe;
import dev.daap.domain.cluster.ProbeReading;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Probes a PostgreSQL cluster in one fresh admin session and one query ({@link #QUERY}): its version, its client
 * sessions against {@code max_connections}, the size of every database DAAP made there, and the other databases
 * that still let PUBLIC connect. Connecting and the query are bounded by the sessions' timeout.
 *
 * <p>A database is DAAP's when it or its owner carries DAAP's marker ({@code daap:<id>}): the owner is DAAP's role,
 * whose comment the tenant cannot change (that takes CREATEROLE), so a tenant that rewrites its database's comment
 * is still measured. Sizes come from {@code pg_database_size}, which walks the database's files: its cost grows
 * with the number of databases and their files (see bench/fleet). Where the admin may not read a size (neither
 * CONNECT on the database nor pg_read_all_stats) the size is left out rather than failing the probe; where
 * measuring the sizes takes longer than the timeout, the query runs again without them, so that a cluster with
 * many databases is never taken for one that does not answer.
 */
public final class PostgresClusterProbe implements ClusterProbe {
    private static final String CANCELLED_BY_TIMEOUT = "57014";
    static final String QUERY = """
            select current_setting('server_version') as server_version,
                   (select count(*) from pg_stat_activity where backend_type = 'client backend')::int as connections,
                   current_setting('max_connections')::int as max_connections,
                   d.datname,
                   case when d.daap and (has_database_privilege(d.oid, 'CONNECT')
                                         or pg_has_role('pg_read_all_stats', 'USAGE'))
                        then pg_database_size(d.oid) end::bigint as size_bytes,
                   not d.daap and d.datallowconn and has_database_privilege('public', d.oid, 'CONNECT')
                       as public_connect
              from (select 1) as one
              left join (select db.oid, db.datname, db.datallowconn,
                                coalesce(shobj_description(db.oid, 'pg_database') like 'daap:%', false)
                                    or coalesce(shobj_description(db.datdba, 'pg_authid') like 'daap:%', false) as daap
                           from pg_database db) as d on true
             order by d.datname
            """;

    /** The sizes in {@link #QUERY}; where they take longer than the timeout, the query runs again without them. */
    static final String SIZES = "then pg_database_size(d.oid) end::bigint";

    static final String QUERY_WITHOUT_SIZES = withoutSizes(QUERY);

    private final AdminSessions sessions;

    /** {@code timeout} bounds connecting and the query, each. */
    public PostgresClusterProbe(Duration timeout) {
        this.sessions = new AdminSessions(timeout, "daap-probe");
    }

    @Override
    public ProbeReading probe(AdminUrl adminUrl) {
        long started = System.nanoTime();
        Result<Record> rows;
        boolean sized = true;
        try (Connection connection = sessions.open(adminUrl)) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
            try {
                rows = dsl.resultQuery(QUERY).fetch();
            } catch (DataAccessException e) {
                if (!CANCELLED_BY_TIMEOUT.equals(e.sqlState())) {
                    throw e;
                }
                // It answers; the sizes of many databases are what took long (pg_database_size stats every file).
                rows = dsl.resultQuery(QUERY_WITHOUT_SIZES).fetch();
                sized = false;
            }
        } catch (SQLException | RuntimeException e) {
            throw ClusterErrors.describe("probing", adminUrl, e, sessions);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return reading(rows, took, sized);
    }

    private static String withoutSizes(String query) {
        if (!query.contains(SIZES)) {
            throw new IllegalStateException("the probe's query no longer reads the sizes as SIZES says");
        }
        return query.replace(SIZES, "then null end::bigint");
    }

    private static ProbeReading reading(Result<Record> rows, Duration took, boolean sized) {
        Map<String, Long> sizes = new LinkedHashMap<>();
        List<String> publicConnect = new ArrayList<>();
        for (Record row : rows) {
            String name = row.get("datname", String.class);
            Long size = row.get("size_bytes", Long.class);
            if (name != null && size != null) {
                sizes.put(name, size);
            }
            if (Boolean.TRUE.equals(row.get("public_connect", Boolean.class))) {
                publicConnect.add(name);
            }
        }
        Record first = rows.getFirst();
        return new ProbeReading(
                first.get("server_version", String.class),
                first.get("connections", Integer.class),
                first.get("max_connections", Integer.class),
                sizes,
                publicConnect,
                took,
                sized);
    }
}
