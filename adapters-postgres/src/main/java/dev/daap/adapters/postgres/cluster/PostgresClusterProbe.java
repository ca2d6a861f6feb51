package dev.daap.adapters.postgres.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterProbe;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.cluster.ProbeReading;
import dev.daap.domain.cluster.SizeSlice;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Probes a PostgreSQL cluster in one fresh admin session and one query ({@link #QUERY}): its version, its client
 * sessions against {@code max_connections}, every database DAAP made there with the size of a slice of them, and the
 * other databases that still let PUBLIC connect. Connecting and the query are bounded by the sessions' timeout.
 *
 * <p>A database is DAAP's when it or its owner carries DAAP's marker ({@code daap:<id>}): the owner is DAAP's role,
 * whose comment the tenant cannot change (that takes CREATEROLE), so a tenant that rewrites its database's comment
 * is still measured. Sizes come from {@code pg_database_size}, which walks the database's files (1-3 ms a database
 * with 2,000 on one cluster; bench/fleet, 2026-12-03): so the query measures only the slice, at most its limit of
 * DAAP's databases, those it has never measured first (names not in the slice's list), then the least recently
 * measured. The client sessions on each measured database come from the same read of {@code pg_stat_activity} that
 * counts the cluster's, grouped by database: no second look. Where the admin may not read a size (neither CONNECT on the database nor pg_read_all_stats) the size is
 * left out rather than failing the probe; where measuring the slice takes longer than the timeout, the query runs
 * again without sizes, so that a cluster with large databases is never taken for one that does not answer.
 */
public final class PostgresClusterProbe implements ClusterProbe {
    private static final String CANCELLED_BY_TIMEOUT = "57014";
    /** Its two bind values: the names measured before, least recently first ({@code text[]}), and the limit. */
    static final String QUERY = """
            with catalog as (
                   select db.oid, db.datname, db.datallowconn,
                          coalesce(shobj_description(db.oid, 'pg_database') like 'daap:%', false)
                              or coalesce(shobj_description(db.datdba, 'pg_authid') like 'daap:%', false) as daap
                     from pg_database db),
                 slice as materialized (
                   select c.oid
                     from catalog c
                     left join unnest(cast(? as text[])) with ordinality as measured(datname, turn)
                            on measured.datname = c.datname
                    where c.daap
                    order by measured.turn nulls first, c.datname
                    limit ?),
                 activity as (
                   select datid, count(*)::int as sessions
                     from pg_stat_activity
                    where backend_type = 'client backend'
                    group by datid)
            select current_setting('server_version') as server_version,
                   (select coalesce(sum(sessions), 0) from activity)::int as connections,
                   current_setting('max_connections')::int as max_connections,
                   d.datname,
                   d.daap,
                   s.oid is not null as measured,
                   case when s.oid is not null and (has_database_privilege(d.oid, 'CONNECT')
                                                    or pg_has_role('pg_read_all_stats', 'USAGE'))
                        then pg_database_size(d.oid) end::bigint as size_bytes,
                   case when s.oid is not null then coalesce(a.sessions, 0) end as database_connections,
                   not d.daap and d.datallowconn and has_database_privilege('public', d.oid, 'CONNECT')
                       as public_connect
              from (select 1) as one
              left join catalog as d on true
              left join slice as s on s.oid = d.oid
              left join activity as a on a.datid = d.oid
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
    public ProbeReading probe(AdminUrl adminUrl, SizeSlice slice) {
        Object[] binds = {slice.measuredOldestFirst().toArray(String[]::new), slice.limit()};
        long started = System.nanoTime();
        Result<Record> rows;
        boolean sized = true;
        try (Connection connection = sessions.open(adminUrl)) {
            DSLContext dsl = DSL.using(connection, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
            try {
                rows = dsl.resultQuery(QUERY, binds).fetch();
            } catch (DataAccessException e) {
                if (!CANCELLED_BY_TIMEOUT.equals(e.sqlState())) {
                    throw e;
                }
                // It answers; the sizes of many databases are what took long (pg_database_size stats every file).
                rows = dsl.resultQuery(QUERY_WITHOUT_SIZES, binds).fetch();
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
        List<DatabaseSeen> databases = new ArrayList<>();
        List<String> publicConnect = new ArrayList<>();
        for (Record row : rows) {
            String name = row.get("datname", String.class);
            if (Boolean.TRUE.equals(row.get("daap", Boolean.class))) {
                databases.add(
                        sized && Boolean.TRUE.equals(row.get("measured", Boolean.class))
                                ? DatabaseSeen.measured(
                                        name,
                                        row.get("size_bytes", Long.class),
                                        row.get("database_connections", Integer.class))
                                : DatabaseSeen.notMeasured(name));
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
                databases,
                publicConnect,
                took,
                sized);
    }
}
