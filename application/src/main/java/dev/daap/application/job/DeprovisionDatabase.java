package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.util.Optional;

/**
 * The deprovision job: removes the database, its snapshots and its role from their cluster, then, in one
 * transaction, marks it (and its snapshots) deleted and gives its place on the cluster back.
 */
public final class DeprovisionDatabase implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final DatabaseEvents events;
    private final CredentialVault vault;
    private final ClusterTargets targets;
    private final Clusters clusters;
    private final SnapshotsOfDatabase snapshots;
    private final Clock clock;

    public DeprovisionDatabase(
            Transactions transactions,
            Databases databases,
            JobQueue jobs,
            EventLog events,
            CredentialVault vault,
            ClusterTargets targets,
            Clusters clusters,
            SnapshotsOfDatabase snapshots,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.events = new DatabaseEvents(events, clock);
        this.vault = vault;
        this.targets = targets;
        this.clusters = clusters;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Database> deleting =
                databases.find(job.databaseId()).filter(database -> database.status() == DatabaseStatus.DELETING);
        if (deleting.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the database is not being deleted");
                return null;
            });
            return;
        }
        Database target = deleting.get();
        snapshots.dropCopies(target); // before the role: their objects are the role's
        targets.provisionerFor(target).deprovision(target.id(), target.nameOnCluster());
        transactions.inTransaction(() -> {
            databases
                    .find(job.databaseId())
                    .filter(database -> database.status() == DatabaseStatus.DELETING)
                    .ifPresent(database -> {
                        vault.remove(database.id());
                        snapshots.markDropped(database);
                        Database deleted = database.deleted(clock.instant());
                        databases.update(deleted, database.version());
                        if (database.cluster() != null) {
                            clusters.releasePlace(database.cluster().id()); // gone from the cluster: room for one
                        }
                        events.statusChanged(database, deleted);
                    });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    @Override
    public void giveUp(Job job, String reason) {
        databases
                .find(job.databaseId())
                .filter(database -> database.status() == DatabaseStatus.DELETING)
                .ifPresent(database -> {
                    Database failed = database.failed(reason, clock.instant());
                    databases.update(failed, database.version());
                    events.statusChanged(database, failed);
                });
    }
}
