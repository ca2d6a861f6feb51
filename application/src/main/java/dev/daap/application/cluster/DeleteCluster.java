package dev.daap.application.cluster;

import dev.daap.application.access.AccessPolicy;
import dev.daap.application.audit.AuditTrail;
import dev.daap.domain.access.Caller;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.ClusterName;
import dev.daap.domain.cluster.ClusterSecrets;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.error.ClusterNotEmptyException;
import dev.daap.domain.error.ClusterNotFoundException;
import java.time.Clock;

/**
 * A platform admin removes a cluster that holds no live database. Its row is locked while the use case reads its
 * count, so no create places a database on it between the check and the removal. The record stays (soft delete) for
 * the databases that once lived there; the admin URL is forgotten.
 */
public final class DeleteCluster {
    private final Transactions transactions;
    private final Clusters clusters;
    private final ClusterSecrets secrets;
    private final AuditTrail audit;
    private final Clock clock;

    public DeleteCluster(
            Transactions transactions, Clusters clusters, ClusterSecrets secrets, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.clusters = clusters;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    public void execute(Caller caller, ClusterName name, VersionPrecondition precondition) {
        AccessPolicy.requirePlatformAdmin(caller.principal(), "removing a cluster");
        transactions.inTransaction(() -> {
            Cluster current = clusters.lockByName(name).orElseThrow(() -> new ClusterNotFoundException(name.value()));
            precondition.check(current.version());
            long live = current.fill().databaseCount();
            if (live > 0) {
                throw new ClusterNotEmptyException(name.value(), live);
            }
            Cluster deleted = current.deleted(clock.instant());
            clusters.update(deleted, current.version());
            secrets.remove(current.id());
            audit.clusterDeleted(caller, current, deleted);
            return null;
        });
    }
}
