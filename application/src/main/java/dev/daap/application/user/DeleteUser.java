package dev.daap.application.user;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserName;
import dev.daap.domain.user.UserStatus;
import java.time.Clock;

/**
 * A member deletes a user: {@code deleting} with a {@code user_delete} job that drops its logins and ends their
 * sessions, audited, with its event, in one transaction. The first owner is the database's own role (it owns the
 * database on its cluster) and cannot be deleted, so no deletion ever leaves a database without an owner user.
 */
public final class DeleteUser {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final UserEvents events;
    private final Clock clock;

    public DeleteUser(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            JobScheduler jobs,
            AuditTrail audit,
            UserEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public ListUsers.Listed execute(Caller caller, DatabaseId id, UserName name) {
        return transactions.inTransaction(() -> {
            Database database = UserLookup.readyDatabase(databases, caller.principal(), id, Role.MEMBER);
            DatabaseUser user = UserLookup.user(users, database, name);
            if (user.status() == UserStatus.DELETING) {
                return new ListUsers.Listed(database, java.util.List.of(user));
            }
            if (user.firstOwner()) {
                throw new IllegalTransitionException("the first owner user is the database's own role and cannot be"
                        + " deleted; rotate its credentials instead");
            }
            DatabaseUser locked = users.lock(user.id()).orElseThrow();
            Job drop = jobs.newJob(JobKind.USER_DELETE, database.id());
            DatabaseUser deleting = locked.deleting(drop.id(), clock.instant());
            users.update(deleting, locked.version());
            jobs.enqueue(drop);
            audit.userDeleted(caller, database, locked, deleting);
            events.statusChanged(database, locked, deleting);
            return new ListUsers.Listed(database, java.util.List.of(deleting));
        });
    }
}
