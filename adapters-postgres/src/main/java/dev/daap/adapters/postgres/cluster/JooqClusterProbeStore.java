package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.CLUSTER_DATABASE_SIZES;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;
import static dev.daap.adapters.postgres.generated.Tables.USAGE_SAMPLES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.ClustersRecord;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterProbeStore;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.cluster.DueProbe;
import dev.daap.domain.cluster.HealthStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The {@link ClusterProbeStore} on PostgreSQL. The claim is one UPDATE of the due rows: instances that race for a
 * cluster queue on its row lock, and the ones after the first find it no longer due once they get it (PostgreSQL
 * checks the WHERE again on the row as the winner left it), so each due cluster goes to exactly one of them.
 */
public final class JooqClusterProbeStore implements ClusterProbeStore {
    private static final Field<String> SIZE_NAME = DSL.field(DSL.name("sizes", "name"), String.class);
    private static final Field<Long> SIZE_BYTES = DSL.field(DSL.name("sizes", "bytes"), Long.class);
    private static final Field<Integer> SIZE_CONNECTIONS = DSL.field(DSL.name("sizes", "connections"), Integer.class);
    /** At most one usage sample a database per this much time, however often it is sized. */
    static final Duration SAMPLE_SPACING = Duration.ofSeconds(55);

    private final JooqSession session;

    public JooqClusterProbeStore(JooqSession session) {
        this.session = session;
    }

    @Override
    public List<DueProbe> claimDue(Instant now, Duration interval) {
        return session.dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.NEXT_PROBE_AT, now.plus(interval))
                .where(CLUSTERS.DELETED_AT.isNull().and(CLUSTERS.NEXT_PROBE_AT.le(now)))
                .returning(
                        CLUSTERS.ID,
                        CLUSTERS.NAME,
                        CLUSTERS.HEALTH_STATUS,
                        CLUSTERS.HEALTH_CHECKED_AT,
                        CLUSTERS.SERVER_VERSION,
                        CLUSTERS.LATENCY_MS,
                        CLUSTERS.CONNECTIONS,
                        CLUSTERS.MAX_CONNECTIONS,
                        CLUSTERS.HEALTH_ERROR,
                        CLUSTERS.PROBE_FAILURES,
                        CLUSTERS.PUBLIC_CONNECT_DATABASES)
                .fetch(JooqClusterProbeStore::dueProbe);
    }

    @Override
    public void recordHealth(ClusterId id, ClusterHealth health) {
        withHealth(health).where(CLUSTERS.ID.eq(id.value())).execute();
    }

    @Override
    public List<String> measuredOldestFirst(ClusterId id) {
        return session.dsl()
                .select(CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER)
                .from(CLUSTER_DATABASE_SIZES)
                .where(CLUSTER_DATABASE_SIZES.CLUSTER_ID.eq(id.value()))
                .orderBy(CLUSTER_DATABASE_SIZES.MEASURED_AT, CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER)
                .fetch(CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER);
    }

    @Override
    public void recordReading(ClusterId id, ClusterHealth health, List<DatabaseSeen> databases, Instant measuredAt) {
        // The databases' rows first, the cluster's last: a job that changes a database and then the cluster's count
        // in one transaction (a deprovision gives its place back) takes them in the same order, so the two never
        // wait for each other in a circle; and creates wait for the cluster's row only for the last statement.
        List<DatabaseSeen> measured =
                databases.stream().filter(DatabaseSeen::measured).toList();
        forgetGone(id, databases);
        if (!measured.isEmpty()) {
            recordSizes(id, measured, measuredAt);
            recordSizesOfLiveDatabases(id, measured);
            recordUsageSamples(id, measured, measuredAt);
        }
        withHealth(health)
                .set(
                        CLUSTERS.STORAGE_BYTES,
                        DSL.field(DSL.select(DSL.coalesce(
                                                DSL.sum(CLUSTER_DATABASE_SIZES.SIZE_BYTES), DSL.inline(BigDecimal.ZERO))
                                        .cast(SQLDataType.BIGINT))
                                .from(CLUSTER_DATABASE_SIZES)
                                .where(CLUSTER_DATABASE_SIZES.CLUSTER_ID.eq(id.value()))))
                .where(CLUSTERS.ID.eq(id.value()))
                .execute();
    }

    /** The sizes of databases no longer on the cluster (dropped, or renamed: parked, restored) count no more. */
    private void forgetGone(ClusterId id, List<DatabaseSeen> databases) {
        String[] present = databases.stream().map(DatabaseSeen::name).toArray(String[]::new);
        session.dsl()
                .deleteFrom(CLUSTER_DATABASE_SIZES)
                .where(CLUSTER_DATABASE_SIZES.CLUSTER_ID.eq(id.value()))
                .and(CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER.ne(DSL.all(present)))
                .execute();
    }

    /** One statement for the slice: names, sizes and sessions travel as arrays, unnested side by side. */
    private void recordSizes(ClusterId id, List<DatabaseSeen> measured, Instant measuredAt) {
        Table<?> sizes = sizesTable(measured);
        session.dsl()
                .insertInto(
                        CLUSTER_DATABASE_SIZES,
                        CLUSTER_DATABASE_SIZES.CLUSTER_ID,
                        CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER,
                        CLUSTER_DATABASE_SIZES.SIZE_BYTES,
                        CLUSTER_DATABASE_SIZES.MEASURED_AT)
                .select(DSL.select(DSL.val(id.value()), SIZE_NAME, SIZE_BYTES, DSL.val(measuredAt))
                        .from(sizes))
                .onConflict(CLUSTER_DATABASE_SIZES.CLUSTER_ID, CLUSTER_DATABASE_SIZES.NAME_ON_CLUSTER)
                .doUpdate()
                .set(CLUSTER_DATABASE_SIZES.SIZE_BYTES, DSL.excluded(CLUSTER_DATABASE_SIZES.SIZE_BYTES))
                .set(CLUSTER_DATABASE_SIZES.MEASURED_AT, DSL.excluded(CLUSTER_DATABASE_SIZES.MEASURED_AT))
                .execute();
    }

    /** Each live database of the cluster among the measured gets its size (where it could be read), as it shows. */
    private void recordSizesOfLiveDatabases(ClusterId id, List<DatabaseSeen> measured) {
        session.dsl()
                .update(DATABASES)
                .set(DATABASES.STORAGE_BYTES, SIZE_BYTES)
                .from(sizesTable(measured))
                .where(DATABASES.CLUSTER_ID.eq(id.value()))
                .and(DATABASES.NAME_ON_CLUSTER.eq(SIZE_NAME))
                .and(DATABASES.DELETED_AT.isNull())
                .and(SIZE_BYTES.isNotNull())
                .and(DATABASES.STORAGE_BYTES.isDistinctFrom(SIZE_BYTES))
                .execute();
    }

    /**
     * A usage sample of each live database of the cluster whose size was read, in one statement for the slice, unless
     * it has one from the last {@link #SAMPLE_SPACING}: a small cluster has every database sized at every probe (15 s
     * by default), and an hour of 240 samples a database says no more than 60 but costs the rollup four times as much
     * (bench/usage). A second sample of the same instant is the same sample.
     */
    private void recordUsageSamples(ClusterId id, List<DatabaseSeen> measured, Instant measuredAt) {
        var recent = USAGE_SAMPLES.as("recent");
        session.dsl()
                .insertInto(
                        USAGE_SAMPLES,
                        USAGE_SAMPLES.DATABASE_ID,
                        USAGE_SAMPLES.SAMPLED_AT,
                        USAGE_SAMPLES.STORAGE_BYTES,
                        USAGE_SAMPLES.CONNECTIONS)
                .select(DSL.select(DATABASES.ID, DSL.val(measuredAt), SIZE_BYTES, SIZE_CONNECTIONS)
                        .from(sizesTable(measured))
                        .join(DATABASES)
                        .on(DATABASES.CLUSTER_ID.eq(id.value()))
                        .and(DATABASES.NAME_ON_CLUSTER.eq(SIZE_NAME))
                        .and(DATABASES.DELETED_AT.isNull())
                        .where(SIZE_BYTES.isNotNull())
                        .andNotExists(DSL.selectOne()
                                .from(recent)
                                .where(recent.DATABASE_ID.eq(DATABASES.ID))
                                .and(recent.SAMPLED_AT.gt(measuredAt.minus(SAMPLE_SPACING)))))
                .onConflictDoNothing()
                .execute();
    }

    private static Table<?> sizesTable(List<DatabaseSeen> measured) {
        return DSL.table(
                        "unnest({0}, {1}, {2})",
                        DSL.val(
                                measured.stream().map(DatabaseSeen::name).toArray(String[]::new),
                                SQLDataType.CLOB.array()),
                        DSL.val(
                                measured.stream().map(DatabaseSeen::sizeBytes).toArray(Long[]::new),
                                SQLDataType.BIGINT.array()),
                        DSL.val(
                                measured.stream().map(DatabaseSeen::connections).toArray(Integer[]::new),
                                SQLDataType.INTEGER.array()))
                .as("sizes", "name", "bytes", "connections");
    }

    private UpdateSetMoreStep<ClustersRecord> withHealth(ClusterHealth health) {
        return session.dsl()
                .update(CLUSTERS)
                .set(CLUSTERS.HEALTH_STATUS, health.status().wireName())
                .set(CLUSTERS.HEALTH_CHECKED_AT, health.checkedAt())
                .set(CLUSTERS.SERVER_VERSION, health.serverVersion())
                .set(CLUSTERS.LATENCY_MS, health.latencyMs())
                .set(CLUSTERS.CONNECTIONS, health.connections())
                .set(CLUSTERS.MAX_CONNECTIONS, health.maxConnections())
                .set(CLUSTERS.HEALTH_ERROR, health.error())
                .set(CLUSTERS.PROBE_FAILURES, health.consecutiveFailures())
                .set(
                        CLUSTERS.PUBLIC_CONNECT_DATABASES,
                        health.publicConnectDatabases().toArray(String[]::new));
    }

    private static DueProbe dueProbe(Record row) {
        return new DueProbe(
                new ClusterId(row.get(CLUSTERS.ID)),
                new ClusterName(row.get(CLUSTERS.NAME)),
                new ClusterHealth(
                        HealthStatus.fromWireName(row.get(CLUSTERS.HEALTH_STATUS)),
                        row.get(CLUSTERS.HEALTH_CHECKED_AT),
                        row.get(CLUSTERS.SERVER_VERSION),
                        row.get(CLUSTERS.LATENCY_MS),
                        row.get(CLUSTERS.CONNECTIONS),
                        row.get(CLUSTERS.MAX_CONNECTIONS),
                        row.get(CLUSTERS.HEALTH_ERROR),
                        row.get(CLUSTERS.PROBE_FAILURES),
                        List.of(row.get(CLUSTERS.PUBLIC_CONNECT_DATABASES))));
    }
}
