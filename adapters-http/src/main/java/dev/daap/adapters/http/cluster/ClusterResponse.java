package dev.daap.adapters.http.cluster;

import dev.daap.application.cluster.ClusterView;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cluster as a platform admin sees it; never its admin URL. {@code connect_host} and {@code connect_port} are
 * where clients connect (the admin URL's host and port unless set); the ETag is the version of the settings.
 */
public record ClusterResponse(
        String name,
        String region,
        Map<String, String> labels,
        String state,
        Long maxDatabases,
        Long maxStorageBytes,
        long databaseCount,
        long storageBytes,
        String connectHost,
        int connectPort,
        String connectSslmode,
        Health health,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /**
     * What the last health check saw.
     *
     * @param consecutiveFailures    failed probes in a row (down after DAAP_CLUSTER_DOWN_AFTER of them)
     * @param publicConnectDatabases databases DAAP did not make that every role may still connect to: DAAP's admin
     *                               lacks the owner's rights to revoke that there
     * @param backups                whether this instance can back up the cluster's databases: the pg_dump it
     *                               would use, or what to install
     */
    public record Health(
            String status,
            Instant checkedAt,
            String serverVersion,
            Integer latencyMs,
            Integer connections,
            Integer maxConnections,
            String error,
            int consecutiveFailures,
            List<String> publicConnectDatabases,
            Backups backups) {
        static Health from(ClusterHealth health, BackupTools tools) {
            BackupTools.ToolCheck check = tools.check(health.serverVersion());
            return new Health(
                    health.status().wireName(),
                    health.checkedAt(),
                    health.serverVersion(),
                    health.latencyMs(),
                    health.connections(),
                    health.maxConnections(),
                    health.error(),
                    health.consecutiveFailures(),
                    health.publicConnectDatabases(),
                    new Backups(check.available(), check.detail()));
        }
    }

    /** The client tools for the cluster's backups on this instance. */
    public record Backups(boolean available, String detail) {}

    /** A cluster as a team's key sees it: enough to choose a placement. */
    public record Summary(String name, String region, Map<String, String> labels, String state, Status health) {
        public record Status(String status) {}

        static Summary from(Cluster cluster) {
            return new Summary(
                    cluster.name().value(),
                    cluster.region() == null ? null : cluster.region().value(),
                    cluster.labels().values(),
                    cluster.state().wireName(),
                    new Status(cluster.health().status().wireName()));
        }
    }

    /** The representation the view allows: all of it, or the summary. */
    public static Object from(ClusterView view, BackupTools tools) {
        return view.complete() ? from(view.cluster(), tools) : Summary.from(view.cluster());
    }

    public static ClusterResponse from(Cluster cluster, BackupTools tools) {
        var endpoint = cluster.clientEndpoint();
        return new ClusterResponse(
                cluster.name().value(),
                cluster.region() == null ? null : cluster.region().value(),
                cluster.labels().values(),
                cluster.state().wireName(),
                cluster.limits().maxDatabases(),
                cluster.limits().maxStorageBytes(),
                cluster.fill().databaseCount(),
                cluster.fill().storageBytes(),
                endpoint.host(),
                endpoint.port(),
                endpoint.sslmode() == null ? null : endpoint.sslmode().wireName(),
                Health.from(cluster.health(), tools),
                cluster.createdAt(),
                cluster.updatedAt(),
                cluster.version());
    }

    /** One page of {@code GET /v1/clusters}; {@code next_page_token} is null on the last page. */
    public record PageResponse(List<Object> items, String nextPageToken) {
        public static PageResponse from(Page<ClusterView> page, BackupTools tools) {
            return new PageResponse(
                    page.items().stream()
                            .map(view -> ClusterResponse.from(view, tools))
                            .toList(),
                    page.next().map(PageToken::value).orElse(null));
        }
    }
}
