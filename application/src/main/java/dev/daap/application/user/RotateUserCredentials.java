package dev.daap.application.user;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.PasswordGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.Overlap;
import dev.daap.domain.user.UserName;
import dev.daap.domain.user.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A member rotates a user's credentials: the login not in use gets a new password and becomes current; the one that
 * was current keeps working for the overlap (then the sweep's {@code user_end_previous} job closes it), or stops at
 * once with no overlap. The user's row is locked from before the password changes on the cluster to the commit, so
 * rotations of one user take turns and the stored password is always the one the login has. A crash or failure after
 * the cluster and before the commit changed only the login not in use, whose password nobody holds: the previous
 * state stands and the next rotation repeats it. (A login still in its overlap from an earlier rotation is the one
 * that changes: a new rotation ends that window.)
 */
public final class RotateUserCredentials {
    private final Transactions transactions;
    private final Databases databases;
    private final DatabaseUsers users;
    private final UserPasswords passwords;
    private final PasswordGenerator generator;
    private final ClusterTargets targets;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final UserEvents events;
    private final DatabaseEvents databaseEvents;
    private final Clock clock;

    public RotateUserCredentials(
            Transactions transactions,
            Databases databases,
            DatabaseUsers users,
            UserPasswords passwords,
            PasswordGenerator generator,
            ClusterTargets targets,
            JobScheduler jobs,
            AuditTrail audit,
            UserEvents events,
            DatabaseEvents databaseEvents,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.users = users;
        this.passwords = passwords;
        this.generator = generator;
        this.targets = targets;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.databaseEvents = databaseEvents;
        this.clock = clock;
    }

    public UserCredentials execute(Caller caller, DatabaseId id, UserName name, Overlap overlap) {
        return rotate(caller, id, name, overlap, false);
    }

    /** The first owner's rotation: what {@code …/credentials/rotate} does. */
    UserCredentials firstOwner(Caller caller, DatabaseId id, Overlap overlap) {
        return rotate(caller, id, UserName.FIRST_OWNER, overlap, true);
    }

    private UserCredentials rotate(Caller caller, DatabaseId id, UserName name, Overlap overlap, boolean firstOwner) {
        String password = generator.newPassword();
        Rotated rotated = transactions.inTransaction(() -> {
            Database database = UserLookup.readyDatabase(databases, caller.principal(), id, Role.MEMBER);
            DatabaseUser user = UserLookup.locked(users, database, name);
            if (user.status() != UserStatus.READY) {
                throw new IllegalTransitionException("only a ready user's credentials can be rotated; this one is "
                        + user.status().wireName());
            }
            Rotated done = rotateLocked(database, user, overlap, password);
            if (firstOwner) { // as before users: the database's credentials
                audit.credentialsRotated(caller, database, user, done.after);
                databaseEvents.credentialsRotated(database);
            } else {
                audit.userCredentialsRotated(caller, database, user, done.after);
                events.credentialsRotated(database, done.after);
            }
            return done;
        });
        if (overlap.none()) {
            // At once, as before users: the job queued with the rotation does the same, and repeats it if this fails.
            closeQuietly(rotated);
        }
        return UserLookup.credentials(rotated.database, rotated.after, password);
    }

    /**
     * The rotation a move to another team makes (no client asked for it, so no audit entry: the move has one): with
     * no overlap, and only if the user still has credentials from before {@code movedAt}, so a job that repeats it
     * after a crash does not rotate again what it rotated already. Says whether it rotated.
     */
    boolean afterMove(Database database, UserName name, Instant movedAt) {
        String password = generator.newPassword();
        Optional<Rotated> rotated = transactions.inTransaction(() -> users.find(database.id(), name)
                .flatMap(found -> users.lock(found.id()))
                .filter(user ->
                        user.status() == UserStatus.READY && user.currentSince().isBefore(movedAt))
                .map(user -> {
                    Rotated done = rotateLocked(database, user, Overlap.NONE, password);
                    if (user.firstOwner()) {
                        databaseEvents.credentialsRotated(database);
                    } else {
                        events.credentialsRotated(database, done.after);
                    }
                    return done;
                }));
        rotated.ifPresent(this::closeQuietly);
        return rotated.isPresent();
    }

    /** The login not in use gets {@code password} and becomes current; the caller holds the user's lock. */
    private Rotated rotateLocked(Database database, DatabaseUser user, Overlap overlap, String password) {
        LoginSlot next = user.current().other();
        Provisioner provisioner = targets.provisionerFor(database);
        provisioner.enableLogin(
                database.id(),
                database.nameOnCluster(),
                user.loginName(next, database.nameOnCluster()),
                user.access(),
                password);
        passwords.store(user, next, password);
        DatabaseUser after = user.rotated(clock.instant(), overlap.value());
        if (overlap.none()) {
            Job end = jobs.newJob(JobKind.USER_END_PREVIOUS, database.id());
            after = after.endingPrevious(end.id(), clock.instant());
            jobs.enqueue(end);
        }
        users.update(after, user.version());
        return new Rotated(database, user, after, provisioner);
    }

    /**
     * Under the user's lock again, so a rotation that came in between (and made that login current again) is seen:
     * only a login that is not current is closed.
     */
    private void closeQuietly(Rotated rotated) {
        LoginSlot previous = rotated.before.current();
        try {
            transactions.inTransaction(() -> {
                users.lock(rotated.after.id())
                        .filter(user -> user.current() != previous)
                        .ifPresent(user -> rotated.provisioner.disableLogin(
                                rotated.database.id(), user.loginName(previous, rotated.database.nameOnCluster())));
                return null;
            });
        } catch (RuntimeException e) {
            // The user_end_previous job of this rotation closes it, and retries until it can.
        }
    }

    private record Rotated(Database database, DatabaseUser before, DatabaseUser after, Provisioner provisioner) {}
}
