package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.snapshot.CloneSource;
import dev.daap.domain.snapshot.Copiers;
import dev.daap.domain.snapshot.Snapshots;
import dev.daap.domain.user.AccessLevel;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserId;
import dev.daap.domain.user.UserName;
import java.time.Clock;
import java.util.Optional;

/**
 * The provision job: marks the database provisioning, creates it on its cluster (outside any
 * transaction: that may take seconds), then in one transaction stores the encrypted password, the connection
 * details and status {@code ready}, and completes the job. A crash anywhere leaves the job to be taken again;
 * the provisioner converges, and the newest password wins. A clone is provisioned the same way, with its contents
 * copied from its source by the cluster's copier; a restore is provisioned, then filled from its backup (see
 * {@link BackupRestorer}: all or nothing, and a retry after a restore that committed leaves it as it is). The
 * database's first owner user, whose login is the database's role, is stored with the password.
 */
public final class ProvisionDatabase implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final DatabaseEvents events;
    private final CredentialVault vault;
    private final ClusterTargets targets;
    private final PasswordGenerator passwords;
    private final Snapshots snapshots;
    private final Copiers copiers;
    private final Backups backups;
    private final BackupRestorer restorer;
    private final DatabaseUsers users;
    private final IdGenerator ids;
    private final Clock clock;
    private final Plans plans;

    public ProvisionDatabase(
            Transactions transactions,
            Databases databases,
            JobQueue jobs,
            EventLog events,
            CredentialVault vault,
            ClusterTargets targets,
            PasswordGenerator passwords,
            Snapshots snapshots,
            Copiers copiers,
            Backups backups,
            BackupRestorer restorer,
            DatabaseUsers users,
            IdGenerator ids,
            Clock clock,
            Plans plans) {
        this.plans = plans;
        this.backups = backups;
        this.restorer = restorer;
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.events = new DatabaseEvents(events, clock);
        this.vault = vault;
        this.targets = targets;
        this.passwords = passwords;
        this.snapshots = snapshots;
        this.copiers = copiers;
        this.users = users;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Database> started = transactions.inTransaction(() -> start(job));
        if (started.isEmpty()) {
            return;
        }
        Database database = started.get();
        String password = passwords.newPassword();
        Optional<CloneSource> source = snapshots.cloneSourceOf(database.id());
        ConnectionDetails details = source.isPresent()
                ? copyFrom(database, source.get(), password)
                : targets.provisionerFor(database).provision(database.id(), database.nameOnCluster(), password);
        backups.restoreSourceOf(database.id()).ifPresent(backup -> restorer.restore(database, backup, password));
        limitConnections(database);
        transactions.inTransaction(() -> {
            Database current = databases.find(database.id()).orElse(null);
            if (current != null && current.status() == DatabaseStatus.PROVISIONING) {
                vault.store(current.id(), password);
                if (users.find(current.id(), UserName.FIRST_OWNER).isEmpty()) {
                    users.add(DatabaseUser.create(
                            new UserId(ids.newId()),
                            current.id(),
                            UserName.FIRST_OWNER,
                            AccessLevel.OWNER,
                            true,
                            null,
                            clock.instant()));
                }
                Database ready = current.provisioned(details, clock.instant());
                databases.update(ready, current.version());
                events.statusChanged(current, ready);
            }
            // Otherwise it was deleted meanwhile: its deprovision job runs next and removes what we made.
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    /**
     * The plan's connection limit, read now: a plan change meanwhile queued its own job, which runs after this one
     * and applies the plan it finds then.
     */
    private void limitConnections(Database database) {
        transactions
                .inTransaction(() -> databases.find(database.id()).flatMap(current -> plans.find(current.plan())))
                .ifPresent(plan -> targets.provisionerFor(database)
                        .limitConnections(database.id(), database.nameOnCluster(), plan.maxConnections()));
    }

    /** A clone: a role and database of its own, whose contents are a copy of its source's. */
    private ConnectionDetails copyFrom(Database clone, CloneSource source, String password) {
        Database from = databases
                .find(source.database())
                .orElseThrow(() -> new ProvisioningException(
                        "the database " + source.database() + " this clone is copied from was deleted"));
        return copiers.copierFor(targets.target(clone.cluster(), "database " + clone.id()))
                .clone(clone.id(), clone.nameOnCluster(), password, from.id(), from.nameOnCluster(), source.snapshot());
    }

    /** Moves the database to provisioning; empty (and the job cancelled) if there is nothing to provision. */
    private Optional<Database> start(Job job) {
        Optional<Database> found = databases
                .find(job.databaseId())
                .filter(database -> database.status() == DatabaseStatus.PENDING
                        || database.status() == DatabaseStatus.PROVISIONING);
        if (found.isEmpty()) {
            jobs.cancel(job.id(), job.leaseOwner(), "the database is no longer waiting to be provisioned");
            return Optional.empty();
        }
        Database database = found.get();
        if (database.status() == DatabaseStatus.PENDING) {
            Optional<String> refused = sourceNotReady(database);
            if (refused.isPresent()) {
                Database failed = database.failed(refused.get(), clock.instant());
                databases.update(failed, database.version());
                events.statusChanged(database, failed);
                jobs.fail(job.id(), job.leaseOwner(), refused.get());
                return Optional.empty();
            }
        }
        Database provisioning = database.startProvisioning(clock.instant());
        if (provisioning != database) {
            databases.update(provisioning, database.version());
            events.statusChanged(database, provisioning);
        }
        return Optional.of(provisioning);
    }

    /**
     * A clone starts copying only from a ready source: one being deleted meanwhile is refused here, before anything is
     * made, as its deactivate job waits for clones already started (see {@link ClonesInFlight}). A clone taken again
     * after a crash (provisioning) goes on, its source's deletion waiting for it.
     */
    private Optional<String> sourceNotReady(Database clone) {
        return snapshots
                .cloneSourceOf(clone.id())
                .flatMap(source -> databases.findIncludingDeleted(source.database()))
                .filter(source -> source.status() != DatabaseStatus.READY)
                .map(source -> "the database this clone was to be copied from is "
                        + source.status().wireName() + "; a clone is copied from a ready database");
    }

    @Override
    public void giveUp(Job job, String reason) {
        databases
                .find(job.databaseId())
                .filter(database ->
                        database.status() == DatabaseStatus.PENDING || database.status() == DatabaseStatus.PROVISIONING)
                .ifPresent(database -> {
                    Database failed = database.failed(reason, clock.instant());
                    databases.update(failed, database.version());
                    events.statusChanged(database, failed);
                });
    }
}
