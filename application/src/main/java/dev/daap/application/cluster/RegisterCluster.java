package dev.daap.application.cluster;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioners;
import java.time.Clock;

/**
 * A platform admin adds a cluster to the fleet. DAAP first connects with the admin URL (outside any transaction: a
 * cluster may take seconds to answer) and refuses one it cannot use; then the cluster, its encrypted admin URL and
 * the audit entry are stored in one transaction. The cluster starts active and {@code up}, as the check just saw.
 */
public final class RegisterCluster {
    private final Transactions transactions;
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final Provisioners provisioners;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public RegisterCluster(
            Transactions transactions,
            Clusters clusters,
            ClusterSecrets secrets,
            Provisioners provisioners,
            AuditTrail audit,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.clusters = clusters;
        this.secrets = secrets;
        this.provisioners = provisioners;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    public Cluster execute(Caller caller, RegisterClusterCommand command) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "registering a cluster");
        if (clusters.findByName(command.name()).isPresent()) {
            throw new ClusterTakenException(command.name().value()); // before connecting anywhere
        }
        ClusterId id = new ClusterId(ids.newId());
        var target = ClusterTarget.unregistered(
                id, command.name(), command.adminUrl(), command.settings().endpoint());
        AdminCheck check = AdminUrlCheck.require(provisioners, target);
        var now = clock.instant();
        Cluster cluster = Cluster.registered(
                id,
                command.name(),
                command.settings(),
                command.adminUrl().address(),
                ClusterHealth.up(now, check.serverVersion(), check.latencyMs()),
                now);
        return transactions.inTransaction(() -> {
            clusters.add(cluster);
            secrets.store(id, command.adminUrl());
            audit.clusterRegistered(caller, cluster);
            return cluster;
        });
    }
}
