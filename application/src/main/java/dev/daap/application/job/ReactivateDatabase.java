package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserName;
import java.time.Clock;
import java.util.Optional;

/**
 * The restore job: renames the parked database and role back and opens them to logins (outside any transaction),
 * then, in one transaction, marks the database {@code ready} and completes the job. Its data and password are the
 * ones it had; a crash anywhere leaves the job to be taken again, and the provisioner's steps converge.
 */
public final class ReactivateDatabase implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final JobQueue jobs;
    private final DatabaseEvents events;
    private final ClusterTargets targets;
    private final DatabaseUsers users;
    private final Clock clock;

    public ReactivateDatabase(
            Transactions transactions,
            Databases databases,
            JobQueue jobs,
            EventLog events,
            ClusterTargets targets,
            DatabaseUsers users,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.jobs = jobs;
        this.events = new DatabaseEvents(events, clock);
        this.targets = targets;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Database> restoring = restoring(job);
        if (restoring.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the database is not being restored");
                return null;
            });
            return;
        }
        Database target = restoring.get();
        Provisioner provisioner = targets.provisionerFor(target);
        provisioner.reactivate(target.id(), target.nameOnCluster());
        // The restore lets the database's role log in; it stays closed if the first owner rotated away from it.
        Optional<DatabaseUser> firstOwner =
                transactions.inTransaction(() -> users.find(target.id(), UserName.FIRST_OWNER));
        if (firstOwner.isPresent() && !firstOwner.get().uses(LoginSlot.A)) {
            provisioner.disableLogin(target.id(), target.nameOnCluster().value());
        }
        transactions.inTransaction(() -> {
            restoring(job).ifPresent(database -> {
                Database ready = database.restored(clock.instant());
                databases.update(ready, database.version());
                events.statusChanged(database, ready);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<Database> restoring(Job job) {
        return databases.find(job.databaseId()).filter(database -> database.status() == DatabaseStatus.RESTORING);
    }

    @Override
    public void giveUp(Job job, String reason) {
        restoring(job).ifPresent(database -> {
            Database failed = database.failed(reason, clock.instant());
            databases.update(failed, database.version());
            events.statusChanged(database, failed);
        });
    }
}
