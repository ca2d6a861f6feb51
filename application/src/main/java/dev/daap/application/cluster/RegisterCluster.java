package dev.daap.application.cluster;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterIsolation;
import dev.daap.domain.cluster.ClusterProbeException;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.ClusterTakenException;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioners;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;

/**
 * A platform admin adds a cluster to the fleet. DAAP first connects with the admin URL (outside any transaction: a
 * cluster may take seconds to answer) and refuses one it cannot use; then the cluster, its encrypted admin URL and
 * the audit entry are stored in one transaction. The cluster starts active and {@code up}, as the check just saw.
 * Between the two, DAAP closes the cluster's other databases to PUBLIC (see {@link ClusterIsolation}); the health
 * lists any it could not close. A cluster that passed the check but then fails that is registered all the same:
 * every start closes the fleet again, and every probe reports what is still open.
 */
public final class RegisterCluster {
    private static final System.Logger log = System.getLogger(RegisterCluster.class.getName());
    private final Transactions transactions;
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final Provisioners provisioners;
    private final ClusterIsolation isolation;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public RegisterCluster(
            Transactions transactions,
            Clusters clusters,
            ClusterSecrets secrets,
            Provisioners provisioners,
            ClusterIsolation isolation,
            AuditTrail audit,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.clusters = clusters;
        this.secrets = secrets;
        this.provisioners = provisioners;
        this.isolation = isolation;
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
        List<String> stillOpen = closeToPublic(command);
        var now = clock.instant();
        ClusterHealth up = ClusterHealth.up(now, check.serverVersion(), check.latencyMs());
        Cluster cluster = Cluster.registered(
                id,
                command.name(),
                command.settings(),
                command.adminUrl().address(),
                new ClusterHealth(
                        up.status(),
                        up.checkedAt(),
                        up.serverVersion(),
                        up.latencyMs(),
                        up.connections(),
                        up.maxConnections(),
                        up.error(),
                        up.consecutiveFailures(),
                        stillOpen),
                now);
        return transactions.inTransaction(() -> {
            clusters.add(cluster);
            secrets.store(id, command.adminUrl());
            audit.clusterRegistered(caller, cluster);
            return cluster;
        });
    }

    /** The databases still open to PUBLIC; none known when the cluster did not answer (the probe will tell). */
    private List<String> closeToPublic(RegisterClusterCommand command) {
        try {
            return isolation.revokePublicConnect(command.adminUrl());
        } catch (ClusterProbeException e) {
            log.log(
                    Level.WARNING,
                    "Cluster {0} is registered, but closing its databases to PUBLIC failed ({1}); the next start "
                            + "tries again, and its probes report the databases still open",
                    command.name(),
                    e.getMessage());
            return List.of();
        }
    }
}
