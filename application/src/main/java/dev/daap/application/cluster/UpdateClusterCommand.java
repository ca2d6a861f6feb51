package dev.daap.application.cluster;

import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterState;
import dev.daap.domain.cluster.Region;
import dev.daap.domain.cluster.SslMode;
import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.VersionPrecondition;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform admin's change to a cluster, as a merge patch: an empty field is left as it is; a field holding an empty
 * optional is set to none (no region, no limit, the admin URL's host or port, no sslmode).
 *
 * @param labels       the keys to set and remove, merged by the use case into the labels it reads
 * @param adminUrl     a new admin URL, which DAAP checks before it keeps it
 * @param precondition the versions the client made the change against ({@code If-Match}), or any
 */
public record UpdateClusterCommand(
        ClusterName name,
        Optional<Optional<Region>> region,
        Optional<LabelPatch> labels,
        Optional<ClusterState> state,
        Optional<Optional<Long>> maxDatabases,
        Optional<Optional<Long>> maxStorageBytes,
        Optional<Optional<String>> connectHost,
        Optional<Optional<Integer>> connectPort,
        Optional<Optional<SslMode>> connectSslmode,
        Optional<AdminUrl> adminUrl,
        VersionPrecondition precondition) {
    public UpdateClusterCommand {
        Objects.requireNonNull(name, "name");
        region = region == null ? Optional.empty() : region;
        labels = labels == null ? Optional.empty() : labels;
        state = state == null ? Optional.empty() : state;
        maxDatabases = maxDatabases == null ? Optional.empty() : maxDatabases;
        maxStorageBytes = maxStorageBytes == null ? Optional.empty() : maxStorageBytes;
        connectHost = connectHost == null ? Optional.empty() : connectHost;
        connectPort = connectPort == null ? Optional.empty() : connectPort;
        connectSslmode = connectSslmode == null ? Optional.empty() : connectSslmode;
        adminUrl = adminUrl == null ? Optional.empty() : adminUrl;
        precondition = precondition == null ? VersionPrecondition.ANY : precondition;
    }

    public boolean changesNothing() {
        return region.isEmpty()
                && labels.isEmpty()
                && state.isEmpty()
                && maxDatabases.isEmpty()
                && maxStorageBytes.isEmpty()
                && connectHost.isEmpty()
                && connectPort.isEmpty()
                && connectSslmode.isEmpty()
                && adminUrl.isEmpty();
    }

    /** The admin URL stays out of anything that prints the command. */
    @Override
    public String toString() {
        return "UpdateClusterCommand[" + name + (adminUrl.isPresent() ? ", admin_url=***" : "") + "]";
    }
}
