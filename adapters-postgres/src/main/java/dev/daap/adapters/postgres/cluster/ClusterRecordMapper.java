package dev.daap.adapters.postgres.cluster;

import dev.daap.adapters.postgres.JsonColumns;
import dev.daap.adapters.postgres.generated.tables.records.ClustersRecord;
import dev.daap.domain.cluster.AdminAddress;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterFill;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterLimits;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.Labels;
import java.util.List;

/** Maps between the generated record and the domain's {@link Cluster}; labels travel as a JSONB object. */
final class ClusterRecordMapper {
    private ClusterRecordMapper() {}

    static Cluster toDomain(ClustersRecord record) {
        String region = record.getRegion();
        String sslmode = record.getConnectSslmode();
        return new Cluster(
                new ClusterId(record.getId()),
                new ClusterName(record.getName()),
                region == null ? null : new Region(region),
                new Labels(JsonColumns.stringMap(record.getLabels(), "labels")),
                ClusterState.fromWireName(record.getState()),
                new ClusterLimits(toLong(record.getMaxDatabases()), record.getMaxStorageBytes()),
                new ClientEndpoint(
                        record.getConnectHost(),
                        record.getConnectPort(),
                        sslmode == null ? null : SslMode.fromWireName(sslmode)),
                new AdminAddress(record.getAdminHost(), record.getAdminPort()),
                health(record),
                new ClusterFill(record.getDatabaseCount(), record.getStorageBytes()),
                record.getCreatedAt(),
                record.getUpdatedAt(),
                record.getDeletedAt(),
                record.getVersion());
    }

    private static ClusterHealth health(ClustersRecord record) {
        String[] publicConnect = record.getPublicConnectDatabases();
        return new ClusterHealth(
                HealthStatus.fromWireName(record.getHealthStatus()),
                record.getHealthCheckedAt(),
                record.getServerVersion(),
                record.getLatencyMs(),
                record.getConnections(),
                record.getMaxConnections(),
                record.getHealthError(),
                record.getProbeFailures(),
                publicConnect == null ? List.of() : List.of(publicConnect));
    }

    /** Every column a new cluster has: its settings, its first health and an empty fill. */
    static ClustersRecord forInsert(Cluster cluster) {
        ClustersRecord record = settings(new ClustersRecord(), cluster)
                .setId(cluster.id().value())
                .setName(cluster.name().value())
                .setCreatedAt(cluster.createdAt())
                .setDatabaseCount((int) cluster.fill().databaseCount())
                .setStorageBytes(cluster.fill().storageBytes());
        return health(record, cluster.health());
    }

    /** The columns a change to the settings writes (with deleted_at and version). */
    static ClustersRecord settings(ClustersRecord record, Cluster cluster) {
        ClientEndpoint endpoint = cluster.endpoint();
        return record.setRegion(
                        cluster.region() == null ? null : cluster.region().value())
                .setLabels(JsonColumns.toJsonb(cluster.labels().values()))
                .setState(cluster.state().wireName())
                .setMaxDatabases(toInteger(cluster.limits().maxDatabases()))
                .setMaxStorageBytes(cluster.limits().maxStorageBytes())
                .setAdminHost(cluster.adminAddress().host())
                .setAdminPort(cluster.adminAddress().port())
                .setConnectHost(endpoint.host())
                .setConnectPort(endpoint.port())
                .setConnectSslmode(
                        endpoint.sslmode() == null ? null : endpoint.sslmode().wireName())
                .setUpdatedAt(cluster.updatedAt())
                .setDeletedAt(cluster.deletedAt())
                .setVersion(cluster.version());
    }

    /** The columns a health check writes. */
    static ClustersRecord health(ClustersRecord record, ClusterHealth health) {
        return record.setHealthStatus(health.status().wireName())
                .setHealthCheckedAt(health.checkedAt())
                .setServerVersion(health.serverVersion())
                .setLatencyMs(health.latencyMs())
                .setConnections(health.connections())
                .setMaxConnections(health.maxConnections())
                .setHealthError(health.error())
                .setProbeFailures(health.consecutiveFailures())
                .setPublicConnectDatabases(health.publicConnectDatabases().toArray(String[]::new));
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Integer toInteger(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }
}
