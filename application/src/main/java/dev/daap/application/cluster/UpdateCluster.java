package dev.daap.application.cluster;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.application.common.RacedChangeRetry;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterChanges;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterLimits;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.LabelPatch;
import dev.daap.domain.common.Labels;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ClusterNotFoundException;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioners;
import java.time.Clock;
import java.util.Optional;

/**
 * A platform admin changes a cluster's settings, cordons or reactivates it, or replaces its admin URL. A new admin
 * URL is checked first, outside any transaction; then, in one transaction, the change is checked against the
 * client's precondition and the version read, written with its audit entry, and, when where clients connect has
 * changed, the connection details of the cluster's databases follow.
 */
public final class UpdateCluster {
    private final Transactions transactions;
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final Databases databases;
    private final Provisioners provisioners;
    private final AuditTrail audit;
    private final Clock clock;

    public UpdateCluster(
            Transactions transactions,
            Clusters clusters,
            ClusterSecrets secrets,
            Databases databases,
            Provisioners provisioners,
            AuditTrail audit,
            Clock clock) {
        this.transactions = transactions;
        this.clusters = clusters;
        this.secrets = secrets;
        this.databases = databases;
        this.provisioners = provisioners;
        this.audit = audit;
        this.clock = clock;
    }

    public Cluster execute(Caller caller, UpdateClusterCommand command) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "changing a cluster");
        Optional<AdminCheck> check = command.adminUrl().map(url -> {
            Cluster read = find(command);
            return AdminUrlCheck.require(
                    provisioners, ClusterTarget.unregistered(read.id(), read.name(), url, read.endpoint()));
        });
        return RacedChangeRetry.run(
                command.precondition(),
                () -> transactions.inTransaction(() -> {
                    Cluster current = find(command);
                    command.precondition().check(current.version());
                    if (command.changesNothing()) {
                        return current;
                    }
                    Cluster changed = current.change(changes(current, command), clock.instant());
                    try {
                        clusters.update(changed, current.version());
                    } catch (ConcurrentChangeException e) {
                        throw command.precondition().changedMeanwhile(e, current.version());
                    }
                    command.adminUrl().ifPresent(url -> {
                        secrets.store(current.id(), url);
                        AdminCheck seen = check.orElseThrow();
                        clusters.recordHealth(
                                current.id(),
                                ClusterHealth.up(clock.instant(), seen.serverVersion(), seen.latencyMs()));
                    });
                    ClientEndpoint.Resolved endpoint = changed.clientEndpoint();
                    if (!endpoint.equals(current.clientEndpoint())) {
                        databases.changeEndpoint(current.id(), endpoint);
                    }
                    audit.clusterUpdated(
                            caller, current, changed, command.adminUrl().isPresent());
                    return changed;
                }));
    }

    private Cluster find(UpdateClusterCommand command) {
        return clusters.findByName(command.name())
                .orElseThrow(() -> new ClusterNotFoundException(command.name().value()));
    }

    private static ClusterChanges changes(Cluster current, UpdateClusterCommand command) {
        ClusterLimits limits = current.limits();
        ClientEndpoint endpoint = current.endpoint();
        return new ClusterChanges(
                command.region(),
                command.labels().map(patch -> merge(current.labels(), patch)),
                command.state(),
                Optional.of(new ClusterLimits(
                        patched(command.maxDatabases(), limits.maxDatabases()),
                        patched(command.maxStorageBytes(), limits.maxStorageBytes()))),
                Optional.of(new ClientEndpoint(
                        patched(command.connectHost(), endpoint.host()),
                        patched(command.connectPort(), endpoint.port()),
                        patched(command.connectSslmode(), endpoint.sslmode()))),
                command.adminUrl().map(url -> url.address()));
    }

    /** The patched value: absent leaves {@code current}; present and empty removes it (null). */
    private static <T> T patched(Optional<Optional<T>> change, T current) {
        return change.isPresent() ? change.get().orElse(null) : current;
    }

    private static Labels merge(Labels current, LabelPatch patch) {
        try {
            return current.merge(patch);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("labels", e.getMessage());
        }
    }
}
