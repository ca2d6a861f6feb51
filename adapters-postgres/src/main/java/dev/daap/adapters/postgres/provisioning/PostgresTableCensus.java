package dev.daap.adapters.postgres.provisioning;

import dev.daap.domain.backup.TableCensus;
import dev.daap.domain.backup.TableCount;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.database.NameOnCluster;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Counts a database's tables on its cluster as the admin (the login {@code pg_dump} uses, so whatever it can dump this
 * can count), in a read-only {@code REPEATABLE READ} transaction whose snapshot it exports: {@code pg_dump
 * --snapshot} then dumps exactly the rows counted. A table's checksum is the sum of a 64-bit hash of each row's text
 * ({@code hashtextextended(row::text, 0)}): independent of row order and of where a restore puts the rows, and the
 * same for equal rows, since the session fixes every setting that changes how a value prints (time zone, date and
 * interval style, float digits, bytea output). It reads every row, so a backup reads the database twice.
 */
public final class PostgresTableCensus implements TableCensus {
    /** The session settings under which a row prints the same on every server and session. */
    private static final String STABLE_OUTPUT = "-c TimeZone=UTC -c DateStyle=ISO,YMD -c IntervalStyle=postgres"
            + " -c extra_float_digits=3 -c bytea_output=hex -c lc_monetary=C";

    @Override
    public List<TableCount> countHolding(ClusterTarget target, NameOnCluster database, Consumer<String> whileHeld) {
        AdminUrl admin = target.adminUrl();
        var errors = new ProvisioningErrors(admin.host(), admin.port(), List.of(admin.password()));
        try (Connection connection = open(admin, database)) {
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            DSLContext sql = DSL.using(connection, SQLDialect.POSTGRES);
            String snapshot = sql.select(DSL.field("pg_export_snapshot()", String.class))
                    .fetchSingle()
                    .value1();
            // The dump and the counting read the same snapshot side by side, each on its own connection: a backup
            // takes about as long as the longer of the two rather than their sum. The snapshot stays exported until
            // both are done, as the transaction ends only then.
            CompletableFuture<Void> held = CompletableFuture.runAsync(
                    () -> whileHeld.accept(snapshot),
                    task -> Thread.ofPlatform()
                            .name("daap-census-" + database.value())
                            .start(task));
            List<TableCount> counted;
            try {
                counted = count(sql);
            } catch (RuntimeException e) {
                awaitQuietly(held); // it holds the snapshot's readers; let it end before the transaction does
                throw e;
            }
            await(held);
            connection.commit();
            return counted;
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            throw errors.translate("counting the tables of " + database.value(), e);
        }
    }

    /** Waits for {@code work}; what it threw is thrown here as it was. */
    private static void await(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> work) {
        try {
            work.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // the counting's own failure is the one to report
        }
    }

    private static List<TableCount> count(DSLContext sql) {
        var tables = sql.select(
                        DSL.field("n.nspname", String.class).as("schema"),
                        DSL.field("c.relname", String.class).as("name"))
                .from(DSL.table("pg_class c").join(DSL.table("pg_namespace n")).on("n.oid = c.relnamespace"))
                .where("c.relkind = 'r'")
                .and("n.nspname <> 'information_schema'")
                .and("n.nspname NOT LIKE 'pg\\_%'")
                .orderBy(DSL.field("n.nspname"), DSL.field("c.relname"))
                .limit(MAX_TABLES)
                .fetch();
        List<TableCount> counted = new ArrayList<>(tables.size());
        for (Record2<String, String> table : tables) {
            var row = DSL.table(DSL.name(table.value1(), table.value2())).as("t");
            var measured = sql.select(
                            DSL.count(),
                            DSL.field("coalesce(sum(hashtextextended(t::text, 0)), 0)::text", String.class))
                    .from(row)
                    .fetchSingle();
            counted.add(new TableCount(table.value1() + "." + table.value2(), measured.value1(), measured.value2()));
        }
        return counted;
    }

    private static Connection open(AdminUrl admin, NameOnCluster database) throws SQLException {
        var source = new PGSimpleDataSource();
        source.setServerNames(new String[] {admin.host()});
        source.setPortNumbers(new int[] {admin.port()});
        source.setDatabaseName(database.value());
        source.setUser(admin.user());
        source.setPassword(admin.password());
        source.setApplicationName("daap-census");
        source.setConnectTimeout(10);
        source.setOptions(STABLE_OUTPUT);
        for (Map.Entry<String, String> parameter : admin.parameters().entrySet()) {
            source.setProperty(parameter.getKey(), parameter.getValue());
        }
        return source.getConnection();
    }
}
