package dev.daap.adapters.postgres.cluster;

import static dev.daap.adapters.postgres.generated.Tables.CLUSTERS;
import static dev.daap.adapters.postgres.generated.Tables.DATABASES;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.records.ClustersRecord;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterProbeStore;
import dev.daap.domain.cluster.DueProbe;
import dev.daap.domain.cluster.HealthStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
    public void recordReading(ClusterId id, ClusterHealth health, Map<String, Long> databaseSizes, long storageBytes) {
        // The databases' rows first, the cluster's last: a job that changes a database and then the cluster's count
        // in one transaction (a deprovision gives its place back) takes them in the same order, so the two never
        // wait for each other in a circle; and creates wait for the cluster's row only for the last statement.
        if (!databaseSizes.isEmpty()) {
            recordSizes(id, databaseSizes);
        }
        withHealth(health)
                .set(CLUSTERS.STORAGE_BYTES, storageBytes)
                .where(CLUSTERS.ID.eq(id.value()))
                .execute();
    }

    /** One statement for every database: the names and sizes travel as two arrays, unnested side by side. */
    private void recordSizes(ClusterId id, Map<String, Long> databaseSizes) {
        Table<?> sizes = DSL.table(
                        "unnest({0}, {1})",
                        DSL.val(databaseSizes.keySet().toArray(String[]::new), SQLDataType.CLOB.array()),
                        DSL.val(databaseSizes.values().toArray(Long[]::new), SQLDataType.BIGINT.array()))
                .as("sizes", "name", "bytes");
        Field<String> name = DSL.field(DSL.name("sizes", "name"), String.class);
        Field<Long> bytes = DSL.field(DSL.name("sizes", "bytes"), Long.class);
        session.dsl()
                .update(DATABASES)
                .set(DATABASES.STORAGE_BYTES, bytes)
                .from(sizes)
                .where(DATABASES.CLUSTER_ID.eq(id.value()))
                .and(DATABASES.NAME_ON_CLUSTER.eq(name))
                .and(DATABASES.DELETED_AT.isNull())
                .and(DATABASES.STORAGE_BYTES.isDistinctFrom(bytes))
                .execute();
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
