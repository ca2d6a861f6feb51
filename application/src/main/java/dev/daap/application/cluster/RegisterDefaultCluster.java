package dev.daap.application.cluster;

import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.cluster.AdminUrl;
import dev.daap.domain.cluster.ClientEndpoint;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterHealth;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.ClusterSettings;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.HealthStatus;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Databases;
import dev.daap.domain.provisioning.AdminCheck;
import dev.daap.domain.provisioning.Provisioners;
import dev.daap.domain.provisioning.ProvisioningException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Start-up keeps the quick start working: when no cluster was ever registered, it registers {@code default} (where
 * DAAP provisioned before there was a fleet) and places every database stored before on it, in one transaction
 * under the fleet's registration lock, so instances that start together register it once. DAAP acts here, not an
 * API key: the audit entry says so. A cluster that cannot be checked now is registered all the same, with its health
 * unknown and the reason, for the health probe to take over: a start-up does not fail for a cluster.
 */
public final class RegisterDefaultCluster {
    private static final System.Logger log = System.getLogger(RegisterDefaultCluster.class.getName());
    private final Transactions transactions;
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final Databases databases;
    private final Provisioners provisioners;
    private final AuditTrail audit;
    private final IdGenerator ids;
    private final Clock clock;

    public RegisterDefaultCluster(
            Transactions transactions,
            Clusters clusters,
            ClusterSecrets secrets,
            Databases databases,
            Provisioners provisioners,
            AuditTrail audit,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.clusters = clusters;
        this.secrets = secrets;
        this.databases = databases;
        this.provisioners = provisioners;
        this.audit = audit;
        this.ids = ids;
        this.clock = clock;
    }

    /** The default cluster if this call registered it; empty when a cluster was registered before. */
    public Optional<Cluster> execute(AdminUrl adminUrl, ClientEndpoint endpoint) {
        if (clusters.anyRegistered()) {
            return Optional.empty();
        }
        ClusterId id = new ClusterId(ids.newId());
        ClusterHealth health = check(ClusterTarget.unregistered(id, ClusterName.DEFAULT, adminUrl, endpoint));
        Cluster cluster = Cluster.registered(
                id,
                ClusterName.DEFAULT,
                ClusterSettings.DEFAULTS.withEndpoint(endpoint),
                adminUrl.address(),
                health,
                clock.instant());
        return transactions.inTransaction(() -> {
            clusters.lockRegistration();
            if (clusters.anyRegistered()) {
                return Optional.<Cluster>empty(); // another instance was faster
            }
            clusters.add(cluster);
            secrets.store(id, adminUrl);
            int placed = databases.assignUnplaced(cluster.ref());
            clusters.recountDatabases(id);
            audit.clusterRegisteredBySystem(cluster);
            log.log(
                    Level.INFO,
                    "Registered cluster {0} at {1} ({2} databases from before placed on it)",
                    cluster.name(),
                    cluster.adminAddress(),
                    placed);
            return Optional.of(cluster);
        });
    }

    private ClusterHealth check(ClusterTarget target) {
        Instant now = clock.instant();
        try {
            AdminCheck seen = provisioners.forCluster(target).checkAdmin();
            return ClusterHealth.up(now, seen.serverVersion(), seen.latencyMs());
        } catch (ProvisioningException e) {
            log.log(Level.WARNING, "Cluster {0} cannot be used yet: {1}", target.name(), e.getMessage());
            return new ClusterHealth(HealthStatus.UNKNOWN, now, null, null, null, null, e.getMessage(), 1, List.of());
        }
    }
}
