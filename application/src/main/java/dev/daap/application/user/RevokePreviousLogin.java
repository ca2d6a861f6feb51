package dev.daap.application.user;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserName;
import java.time.Clock;

/**
 * A member ends a rotation's overlap early: the previous login's window ends now and a {@code user_end_previous} job
 * closes it and ends its sessions, queued in the same transaction as the change, its audit entry and its event.
 * Without a previous login it changes nothing.
 */
public final class RevokePreviousLogin {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final Clock clock;

    public RevokePreviousLogin(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            JobScheduler jobs,
            AuditTrail audit,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    public ListUsers.Listed execute(Caller caller, DatabaseId id, UserName name) {
        return transactions.inTransaction(() -> {
            Database database = UserLookup.readyDatabase(databases, caller.principal(), id, Role.MEMBER);
            DatabaseUser user = UserLookup.locked(users, database, name);
            if (user.previous().isEmpty()) {
                return new ListUsers.Listed(database, java.util.List.of(user));
            }
            Job end = jobs.newJob(JobKind.USER_END_PREVIOUS, database.id());
            DatabaseUser revoked = user.endingPrevious(end.id(), clock.instant());
            users.update(revoked, user.version());
            jobs.enqueue(end);
            audit.userPreviousRevoked(caller, database, user, revoked);
            return new ListUsers.Listed(database, java.util.List.of(revoked));
        });
    }
}
