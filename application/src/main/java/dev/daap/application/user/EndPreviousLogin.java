package dev.daap.application.user;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.job.JobHandler;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code user_end_previous} job: the login a rotation left working has had its window (or was revoked), so it is
 * closed to logins and its sessions are ended (outside any transaction); then, in one transaction, the user has no
 * previous login any more, with its event, and the job completes. A job that finds a newer operation on its user (a
 * rotation or deletion since) has nothing to do: that one decides.
 */
public final class EndPreviousLogin implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final UserEvents events;
    private final Clock clock;

    public EndPreviousLogin(
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
        Optional<DatabaseUser> ending = transactions.inTransaction(() -> ending(job));
        if (ending.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the user has no previous login to end");
                return null;
            });
            return;
        }
        DatabaseUser user = ending.get();
        Database database = transactions.inTransaction(
                () -> databases.find(user.databaseId()).orElseThrow());
        LoginSlot previous = user.current().other();
        targets.provisionerFor(database)
                .disableLogin(database.id(), user.loginName(previous, database.nameOnCluster()));
        transactions.inTransaction(() -> {
            ending(job).ifPresent(current -> {
                DatabaseUser ended = current.previousEnded(clock.instant());
                users.update(ended, current.version());
                events.previousLoginEnded(database, ended);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    /** The user whose newest job this is, with a previous login whose window is over. */
    private Optional<DatabaseUser> ending(Job job) {
        return users.findByOperation(job.id())
                .filter(user -> user.previousValidUntil() != null
                        && !user.previousValidUntil().isAfter(clock.instant()));
    }

    @Override
    public void giveUp(Job job, String reason) {}
}
