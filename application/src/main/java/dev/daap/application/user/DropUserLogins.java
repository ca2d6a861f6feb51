package dev.daap.application.user;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.job.JobHandler;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code user_delete} job: drops both logins of a deleted user on the cluster, ending their sessions (outside any
 * transaction); then, in one transaction, the user is {@code deleted}, its passwords forgotten, its event appended,
 * and the job completes. Dropping converges, so a crash anywhere leaves the job to be taken again.
 */
public final class DropUserLogins implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final UserEvents events;
    private final Clock clock;

    public DropUserLogins(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            JobQueue jobs,
            ClusterTargets targets,
            UserEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.jobs = jobs;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<DatabaseUser> deleting = transactions.inTransaction(() -> deleting(job));
        if (deleting.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the user is no longer being deleted");
                return null;
            });
            return;
        }
        DatabaseUser user = deleting.get();
        Database database = transactions.inTransaction(
                () -> databases.find(user.databaseId()).orElseThrow());
        Provisioner provisioner = targets.provisionerFor(database);
        for (LoginSlot slot : LoginSlot.values()) {
            provisioner.dropLogin(
                    database.id(), database.nameOnCluster(), user.loginName(slot, database.nameOnCluster()));
        }
        transactions.inTransaction(() -> {
            deleting(job).ifPresent(current -> {
                DatabaseUser deleted = current.deleted(clock.instant());
                users.update(deleted, current.version());
                users.forgetPasswords(current.id());
                events.statusChanged(database, current, deleted);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<DatabaseUser> deleting(Job job) {
        return users.findByOperation(job.id()).filter(user -> user.status() == UserStatus.DELETING);
    }

    /** The user stays {@code deleting}; the operation says why, and a new DELETE of it is answered as it is. */
    @Override
    public void giveUp(Job job, String reason) {}
}
