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
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.user.DatabaseUsers;
import java.time.Clock;
import java.util.Optional;

/**
 * The purge job: drops the database's snapshot copies, then the database and its role from their cluster (under
 * their name or parked), then, in one transaction, forgets the password, marks the database {@code purged} (the
 * record stays) and its snapshots {@code deleted}, gives their place and storage on the cluster back and completes
 * the job. Each step on the cluster is idempotent: a purge taken again after a crash converges. It only ever drops a database that is {@code purging}: a restore that won the
 * race for the row leaves it {@code restoring}, and this job then does nothing.
 *
 * <p>A {@code deprovision} job queued before deletion could be undone meant "drop it": it runs here too, on its
 * database that is still {@code deleting}, which it first moves to {@code purging}.
 */
public final class PurgeDatabase implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final DatabaseEvents events;
    private final CredentialVault vault;
    private final DatabaseUsers users;
    private final ClusterTargets targets;
    private final Clusters clusters;
    private final SnapshotsOfDatabase snapshots;
    private final ClonesInFlight clones;
    private final Clock clock;

    public PurgeDatabase(
            Transactions transactions,
            Databases databases,
            JobQueue jobs,
            EventLog events,
            CredentialVault vault,
            DatabaseUsers users,
            ClusterTargets targets,
            Clusters clusters,
            SnapshotsOfDatabase snapshots,
            ClonesInFlight clones,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.events = new DatabaseEvents(events, clock);
        this.vault = vault;
        this.users = users;
        this.targets = targets;
        this.clusters = clusters;
        this.snapshots = snapshots;
        this.clones = clones;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Database> purging = transactions.inTransaction(() -> start(job));
        if (purging.isEmpty()) {
            return;
        }
        Database target = purging.get();
        if (clones.of(target.id())) {
            // Looks again shortly, without using up an attempt (see ClonesInFlight)
            transactions.inTransaction(() -> {
                jobs.postpone(
                        job.id(),
                        job.leaseOwner(),
                        "waits for a clone being copied from this database",
                        clock.instant().plus(ClonesInFlight.WAIT),
                        target.cluster().id());
                return null;
            });
            return;
        }
        snapshots.dropCopies(target); // before the role: the copies are databases the role owns
        targets.provisionerFor(target).deprovision(target.id(), target.nameOnCluster());
        transactions.inTransaction(() -> {
            purging(job).ifPresent(database -> {
                vault.remove(database.id());
                users.forgetPasswords(database.id());
                snapshots.markDropped(database);
                Database purged = database.purged(clock.instant());
                databases.update(purged, database.version());
                if (database.cluster() != null) {
                    clusters.releasePlace(database.cluster().id()); // gone from the cluster: room for one
                }
                events.statusChanged(database, purged);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    /** The database to purge; empty (and the job cancelled) if there is none. */
    private Optional<Database> start(Job job) {
        Optional<Database> found = databases.findIncludingDeleted(job.databaseId());
        if (found.isPresent()
                && job.kind() == JobKind.DEPROVISION
                && found.get().status() == DatabaseStatus.DELETING) {
            Database deleting = found.get();
            Database purging = deleting.startPurging(job.id(), clock.instant());
            databases.update(purging, deleting.version());
            events.statusChanged(deleting, purging);
            return Optional.of(purging);
        }
        if (found.isEmpty() || found.get().status() != DatabaseStatus.PURGING) {
            jobs.cancel(job.id(), job.leaseOwner(), "the database is not being purged");
            return Optional.empty();
        }
        return found;
    }

    private Optional<Database> purging(Job job) {
        return databases
                .findIncludingDeleted(job.databaseId())
                .filter(database -> database.status() == DatabaseStatus.PURGING);
    }

    /** Its data is out of use either way: it stays purging, with the reason, until a retry purges it. */
    @Override
    public void giveUp(Job job, String reason) {
        purging(job).ifPresent(database -> {
            Database failed = database.purgeFailed(reason, clock.instant());
            databases.update(failed, database.version());
            events.statusChanged(database, failed);
        });
    }
}
