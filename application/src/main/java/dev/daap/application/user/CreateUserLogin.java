package dev.daap.application.user;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.job.JobHandler;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserStatus;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code user_create} job: makes the new user's login on the cluster with the password stored at its creation
 * (outside any transaction), then, in one transaction, the user becomes {@code ready} with its event and the job
 * completes. The provisioner's steps converge, so a crash anywhere leaves the job to be taken again.
 */
public final class CreateUserLogin implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final UserPasswords passwords;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final UserEvents events;
    private final Clock clock;

    public CreateUserLogin(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            UserPasswords passwords,
            JobQueue jobs,
            ClusterTargets targets,
            UserEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.passwords = passwords;
        this.jobs = jobs;
        this.targets = targets;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Work> work = transactions.inTransaction(() -> work(job));
        if (work.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the user is no longer being created");
                return null;
            });
            return;
        }
        Database database = work.get().database;
        DatabaseUser user = work.get().user;
        targets.provisionerFor(database)
                .enableLogin(
                        database.id(),
                        database.nameOnCluster(),
                        user.loginName(user.current(), database.nameOnCluster()),
                        user.access(),
                        work.get().password);
        transactions.inTransaction(() -> {
            users.findByOperation(job.id())
                    .filter(current -> current.status() == UserStatus.CREATING)
                    .ifPresent(current -> {
                        DatabaseUser ready = current.ready(clock.instant());
                        users.update(ready, current.version());
                        events.statusChanged(database, current, ready);
                    });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<Work> work(Job job) {
        Optional<DatabaseUser> creating =
                users.findByOperation(job.id()).filter(user -> user.status() == UserStatus.CREATING);
        if (creating.isEmpty()) {
            return Optional.empty();
        }
        DatabaseUser user = creating.get();
        Database database = databases.find(user.databaseId()).orElseThrow();
        String password = passwords
                .read(user, user.current())
                .orElseThrow(() -> new ProvisioningException("user " + user.name() + " has no stored password"));
        return Optional.of(new Work(database, user, password));
    }

    /** The user is {@code failed} with the job's reason: a client waiting for {@code ready} learns it will not be. */
    @Override
    public void giveUp(Job job, String reason) {
        users.findByOperation(job.id())
                .filter(user -> user.status() == UserStatus.CREATING)
                .ifPresent(user -> {
                    DatabaseUser failed = user.failed(reason, clock.instant());
                    users.update(failed, user.version());
                    databases
                            .find(user.databaseId())
                            .ifPresent(database -> events.statusChanged(database, user, failed));
                });
    }

    private record Work(Database database, DatabaseUser user, String password) {
        @Override
        public String toString() {
            return "Work[" + user.name() + ", password=***]";
        }
    }
}
