package dev.daap.application.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.ClusterLimits;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Validation;
import java.util.Map;

/**
 * A validated request to register a cluster; {@link #of} reports every bad field at once, and no message quotes the
 * admin URL.
 */
public record RegisterClusterCommand(ClusterName name, AdminUrl adminUrl, ClusterSettings settings) {

    /** The fields of the request body; null: absent. */
    public record Fields(
            String name,
            String adminUrl,
            String region,
            Map<String, String> labels,
            Long maxDatabases,
            Long maxStorageBytes,
            String connectHost,
            Integer connectPort,
            String connectSslmode) {
        /** The admin URL stays out of anything that prints the request. */
        @Override
        public String toString() {
            return "Fields[" + name + ", admin_url=***]";
        }
    }

    public static RegisterClusterCommand of(Fields fields) {
        var validation = new Validation();
        var name = validation.field("name", () -> new ClusterName(fields.name()));
        var adminUrl = validation.field("admin_url", () -> AdminUrl.parse(fields.adminUrl()));
        var region = validation.optionalField("region", fields.region(), Region::new);
        var labels =
                fields.labels() == null ? Labels.NONE : validation.field("labels", () -> new Labels(fields.labels()));
        var maxDatabases =
                validation.field("max_databases", () -> ClusterLimits.checkedMaxDatabases(fields.maxDatabases()));
        var maxStorage = validation.field(
                "max_storage_bytes", () -> ClusterLimits.checkedMaxStorageBytes(fields.maxStorageBytes()));
        var host = validation.optionalField("connect_host", fields.connectHost(), ClientEndpoint::checkedHost);
        var port = validation.optionalField("connect_port", fields.connectPort(), ClientEndpoint::checkedPort);
        var sslmode = validation.optionalField("connect_sslmode", fields.connectSslmode(), SslMode::fromWireName);
        validation.throwIfInvalid();
        return new RegisterClusterCommand(
                name,
                adminUrl,
                new ClusterSettings(
                        region,
                        labels,
                        new ClusterLimits(maxDatabases, maxStorage),
                        new ClientEndpoint(host, port, sslmode)));
    }

    @Override
    public String toString() {
        return "RegisterClusterCommand[" + name + ", " + adminUrl + ", " + settings + "]";
    }
}
