package dev.daap.application.user;

import dev.daap.application.job.JobHandler;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import java.util.List;
import java.util.Optional;

/**
 * The {@code users_rotate_after_move} job, queued with a move to another team: the previous team knew every user's
 * password, so each user still on credentials from before the move gets new ones with no overlap (its old logins
 * closed and their sessions ended). One user at a time, each in its own transaction under the user's lock: a crash
 * leaves some users rotated, and the job taken again rotates only the rest (a user rotated since the move, by this
 * job or by a client, is passed over). A database that is not ready has no logins open to rotate; the job then
 * ends with that reason (deactivation closed them, and a restore brings back the credentials this job would have
 * changed: see the README).
 */
public final class RotateUsersAfterMove implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final JobQueue jobs;
    private final RotateUserCredentials rotation;

    public RotateUsersAfterMove(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            JobQueue jobs,
            RotateUserCredentials rotation) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.jobs = jobs;
        this.rotation = rotation;
    }

    @Override
    public void run(Job job) {
        Optional<Database> ready = transactions
                .inTransaction(() -> databases.find(job.databaseId()))
                .filter(database -> database.status() == DatabaseStatus.READY);
        if (ready.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the database is not ready: it has no logins to rotate");
                return null;
            });
            return;
        }
        Database database = ready.get();
        List<DatabaseUser> live = transactions.inTransaction(() -> users.liveOf(database.id()));
        for (DatabaseUser user : live) {
            rotation.afterMove(database, user.name(), job.createdAt());
        }
        transactions.inTransaction(() -> {
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    @Override
    public void giveUp(Job job, String reason) {}
}
