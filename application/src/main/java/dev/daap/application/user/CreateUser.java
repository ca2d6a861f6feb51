package dev.daap.application.user;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.UserId;
import java.time.Clock;

/**
 * A member gives a ready database a new user: the user ({@code creating}), the encrypted password of its first login,
 * a {@code user_create} job that makes the login on the cluster, the audit entry and the event, in one transaction.
 * The answer carries the credentials, which work once the job has run (the user is then {@code ready}).
 */
public final class CreateUser {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final UserPasswords passwords;
    private final PasswordGenerator generator;
    private final UserLimit limit;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final UserEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public CreateUser(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            UserPasswords passwords,
            PasswordGenerator generator,
            UserLimit limit,
            JobScheduler jobs,
            AuditTrail audit,
            UserEvents events,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.passwords = passwords;
        this.generator = generator;
        this.limit = limit;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    public UserCredentials execute(Caller caller, DatabaseId databaseId, CreateUserCommand command) {
        String password = generator.newPassword();
        return transactions.inTransaction(() -> {
            Database database = UserLookup.readyDatabase(databases, caller.principal(), databaseId, Role.MEMBER);
            limit.requireRoom(users, database.id());
            Job create = jobs.newJob(JobKind.USER_CREATE, database.id());
            DatabaseUser user = DatabaseUser.create(
                    new UserId(ids.newId()),
                    database.id(),
                    command.name(),
                    command.access(),
                    false,
                    create.id(),
                    clock.instant());
            users.add(user);
            passwords.store(user, user.current(), password);
            jobs.enqueue(create);
            audit.userCreated(caller, database, user);
            events.created(database, user);
            return UserLookup.credentials(database, user, password);
        });
    }
}
