package dev.daap.application.user;

import dev.daap.application.job.JobScheduler;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import java.time.Clock;
import java.util.List;

/**
 * The sweep that ends rotations' overlaps: each user whose previous login's window has passed gets a
 * {@code user_end_previous} job, recorded as its newest operation in the same transaction. The rows are locked as they
 * are read and locked ones skipped, and a user whose newest job is still to run is left out, so sweeps on several
 * instances never start the same end twice. (A job is queued only when the window is over: a job due later would
 * hold back the other jobs of its database until then.)
 */
public final class EndExpiredOverlaps {
    static final int BATCH = 100;
    private final Transactions transactions;
    private final DatabaseUsers users;
    private final JobScheduler scheduler;
    private final Clock clock;

    public EndExpiredOverlaps(Transactions transactions, DatabaseUsers users, JobScheduler scheduler, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Returns how many ends it started. */
    public int execute() {
        int total = 0;
        int batch;
        do {
            batch = transactions.inTransaction(this::batch);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int batch() {
        List<DatabaseUser> due = users.lockDueToEndPrevious(clock.instant(), BATCH);
        for (DatabaseUser user : due) {
            Job end = scheduler.newJob(JobKind.USER_END_PREVIOUS, user.databaseId());
            users.update(user.endingPrevious(end.id(), clock.instant()), user.version());
            scheduler.enqueue(end);
        }
        return due.size();
    }
}
