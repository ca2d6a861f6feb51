package dev.daap.adapters.http.cluster;

import dev.daap.application.cluster.RegisterClusterCommand;
import java.util.Map;

/** The body of {@code POST /v1/clusters}. Absent fields arrive as null; the command says which are required. */
public record ClusterRequest(
        String name,
        String adminUrl,
        String region,
        Map<String, String> labels,
        Long maxDatabases,
        Long maxStorageBytes,
        String connectHost,
        Integer connectPort,
        String connectSslmode) {

    public RegisterClusterCommand toCommand() {
        return RegisterClusterCommand.of(new RegisterClusterCommand.Fields(
                name,
                adminUrl,
                region,
                labels,
                maxDatabases,
                maxStorageBytes,
                connectHost,
                connectPort,
                connectSslmode));
    }

    /** A request may end up in a log by accident; its admin URL must not. */
    @Override
    public String toString() {
        return "ClusterRequest[" + name + ", admin_url=***]";
    }
}
