package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.credential.CredentialVault;
import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.Moves;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.event.EventLog;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.plan.Plans;
import dev.daap.domain.provisioning.Provisioner;
import dev.daap.domain.provisioning.ProvisioningException;
import dev.daap.domain.user.AccessLevel;
import dev.daap.domain.user.DatabaseUser;
import dev.daap.domain.user.DatabaseUsers;
import dev.daap.domain.user.LoginSlot;
import dev.daap.domain.user.UserId;
import dev.daap.domain.user.UserName;
import dev.daap.domain.user.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The move job. Outside any transaction of DAAP's, each step converging when repeated: on the target, its role with
 * the same password and its database are made (as provisioning does), its users' logins with their passwords, and
 * its plan's connection limit; then the database is made read-only on its cluster and its sessions ended (the time
 * recorded), and {@code pg_dump} is streamed into {@code pg_restore} (all or nothing; a copy that committed is found
 * and kept). Then one transaction switches the record to the target (ready, new connection details, same name and
 * credentials), records the read-only time, stores the deleted database the old copy becomes (with the same
 * password, restorable for the restore window) and appends the event. Last, on the cluster it left, the old copy is
 * closed, parked and handed over to that deleted database, and the job completes. A crash before the switch leaves a
 * job that starts again (the source stays read-only meanwhile); one after it leaves a job that only hands over.
 */
public final class MoveToCluster implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final Moves moves;
    private final JobQueue jobs;
    private final DatabaseEvents events;
    private final CredentialVault vault;
    private final DatabaseUsers users;
    private final ClusterTargets targets;
    private final Clusters clusters;
    private final BackupTools tools;
    private final Plans plans;
    private final ClonesInFlight clones;
    private final IdGenerator ids;
    private final Duration restoreWindow;
    private final Clock clock;

    public MoveToCluster(
            Transactions transactions,
            Databases databases,
            Moves moves,
            JobQueue jobs,
            EventLog events,
            CredentialVault vault,
            DatabaseUsers users,
            ClusterTargets targets,
            Clusters clusters,
            BackupTools tools,
            Plans plans,
            ClonesInFlight clones,
            IdGenerator ids,
            Duration restoreWindow,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.moves = moves;
        this.jobs = jobs;
        this.events = new DatabaseEvents(events, clock);
        this.vault = vault;
        this.users = users;
        this.targets = targets;
        this.clusters = clusters;
        this.tools = tools;
        this.plans = plans;
        this.clones = clones;
        this.ids = ids;
        this.restoreWindow = restoreWindow;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Move> found = transactions.inTransaction(() -> moves.findByOperation(job.id()));
        if (found.isPresent() && found.get().readOnlyMs() != null) {
            handOver(job, found.get()); // switched before a crash: only the old copy is left to hand over
            return;
        }
        Optional<Database> moving = transactions.inTransaction(() -> moving(job));
        if (found.isEmpty() || moving.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the database is no longer waiting to be moved");
                return null;
            });
            return;
        }
        Database database = moving.get();
        Move move = found.get();
        if (clones.of(database.id())) {
            waitForClones(job, move);
            return;
        }
        Provisioner source = targets.provisionerFor(move.from(), "database " + database.id());
        ConnectionDetails details;
        Move readOnly;
        try {
            String password = transactions
                    .inTransaction(() -> vault.read(database.id()))
                    .orElseThrow(
                            () -> new ProvisioningException("the password of " + database.id() + " is not stored"));
            details = prepareTarget(database, move, password);
            source.setReadOnly(database.id(), database.nameOnCluster(), true);
            readOnly = transactions.inTransaction(() -> {
                Move marked = move.readOnlyAt(clock.instant());
                moves.update(marked);
                return marked;
            });
            copyData(database, move, password);
        } catch (RuntimeException e) {
            if (!job.hasAttemptsLeft()) {
                // It gives up: the database stays where it is, takes writes, and leaves nothing on the target.
                writableAgain(source, database, e);
                removeFromTarget(database, move, e);
            }
            throw e;
        }
        transactions.inTransaction(() -> {
            moving(job).ifPresent(current -> switchOver(current, readOnly, details));
            return null;
        });
        handOver(job, readOnly);
    }

    /**
     * On the target, before the source goes read-only (none of it depends on the data): the role with the same
     * password, the database, the users' logins with theirs, the plan's connection limit.
     */
    private ConnectionDetails prepareTarget(Database database, Move move, String password) {
        Provisioner target = targets.provisionerFor(move.to(), "database " + database.id());
        NameOnCluster into = move.nameOnTarget();
        ConnectionDetails details = target.provision(database.id(), into, password);
        List<DatabaseUser> ready = transactions.inTransaction(() -> users.liveOf(database.id())).stream()
                .filter(user -> user.status() == UserStatus.READY)
                .toList();
        for (DatabaseUser user : ready) {
            for (LoginSlot slot : LoginSlot.values()) {
                boolean role = user.firstOwner() && slot == LoginSlot.A;
                if (role && !user.uses(slot)) {
                    target.disableLogin(database.id(), into.value()); // its owner moved on to login B
                } else if (!role && user.uses(slot)) {
                    String login = user.loginName(slot, into);
                    String secret = transactions
                            .inTransaction(() -> passwordOf(user, slot))
                            .orElseThrow(() -> new ProvisioningException(
                                    "the password of login " + login + " of user " + user.name() + " is not stored"));
                    target.enableLogin(database.id(), into, login, user.access(), secret);
                }
            }
        }
        transactions
                .inTransaction(() -> plans.find(database.plan()))
                .ifPresent(plan -> target.limitConnections(database.id(), into, plan.maxConnections()));
        return details;
    }

    /** Where {@code UserPasswords} keeps it: the first owner's login A in the vault, every other with its user. */
    private Optional<String> passwordOf(DatabaseUser user, LoginSlot slot) {
        return user.firstOwner() && slot == LoginSlot.A
                ? vault.read(user.databaseId())
                : users.readPassword(user.id(), slot);
    }

    /** The contents, while the source is read-only: pg_dump streamed into pg_restore, as the role. */
    private void copyData(Database database, Move move, String password) {
        String serverVersion = clusters.find(move.from().id())
                .map(cluster -> cluster.health().serverVersion())
                .orElse(null);
        tools.copy(
                targets.target(move.from(), "database " + database.id()),
                database.nameOnCluster(),
                serverVersion,
                targets.target(move.to(), "database " + database.id()),
                move.nameOnTarget(),
                password);
    }

    /** One transaction: the record on the target, the move's read-only time, the old copy's own deleted record. */
    private void switchOver(Database current, Move readOnly, ConnectionDetails details) {
        Instant now = clock.instant();
        Move switched = readOnly.switchedAt(now);
        moves.update(switched);
        Database moved = current.movedTo(switched.to(), switched.nameOnTarget(), details, now);
        databases.update(moved, current.version());
        Database left = current.leftBehind(switched.leftBehind(), now, now.plus(restoreWindow));
        databases.add(left);
        vault.store(left.id(), vault.read(current.id()).orElseThrow());
        users.add(DatabaseUser.create(
                new UserId(ids.newId()), left.id(), UserName.FIRST_OWNER, AccessLevel.OWNER, true, null, now));
        events.moved(current, moved, switched);
    }

    /** On the cluster it left: the old copy becomes the deleted database's; then the job is done. */
    private void handOver(Job job, Move move) {
        Database left = transactions
                .inTransaction(() -> databases.findIncludingDeleted(move.leftBehind()))
                .orElseThrow(() ->
                        new ProvisioningException("the record of the old copy " + move.leftBehind() + " is missing"));
        targets.provisionerFor(move.from(), "database " + move.databaseId())
                .handOver(move.databaseId(), left.nameOnCluster(), left.id());
        transactions.inTransaction(() -> {
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private void removeFromTarget(Database database, Move move, RuntimeException failure) {
        try {
            targets.provisionerFor(move.to(), "database " + database.id())
                    .deprovision(database.id(), move.nameOnTarget());
        } catch (RuntimeException e) {
            suppress(failure, e);
        }
    }

    private void writableAgain(Provisioner source, Database database, RuntimeException failure) {
        try {
            source.setReadOnly(database.id(), database.nameOnCluster(), false);
        } catch (RuntimeException e) {
            suppress(failure, e);
        }
    }

    /** The cleanup's failure, kept with the move's own (which may be the very same exception, thrown again). */
    private static void suppress(RuntimeException failure, RuntimeException cleanup) {
        if (cleanup != failure) {
            failure.addSuppressed(cleanup);
        }
    }

    /** Looks again shortly, without using up an attempt (see {@link ClonesInFlight}). */
    private void waitForClones(Job job, Move move) {
        transactions.inTransaction(() -> {
            jobs.postpone(
                    job.id(),
                    job.leaseOwner(),
                    "waits for a clone being copied from this database",
                    clock.instant().plus(ClonesInFlight.WAIT),
                    move.from().id());
            return null;
        });
    }

    /** The database while this job is still the one moving it. */
    private Optional<Database> moving(Job job) {
        return databases
                .find(job.databaseId())
                .filter(database ->
                        database.status() == DatabaseStatus.MOVING && job.id().equals(database.latestOperationId()));
    }

    /**
     * The move gave up before the switch: {@code failed}, still on its cluster with its data (and, the last attempt
     * made sure, taking writes again), its place on the target given back; {@code POST …/retry} moves it again, to
     * the same cluster if it still has room.
     */
    @Override
    public void giveUp(Job job, String reason) {
        moving(job).ifPresent(database -> {
            moves.findByOperation(job.id())
                    .ifPresent(move -> clusters.releasePlace(move.to().id()));
            Database failed = database.failed(
                    "the move to another cluster gave up; the database is still on cluster "
                            + database.cluster().name() + " with its data: " + reason,
                    clock.instant());
            databases.update(failed, database.version());
            events.statusChanged(database, failed);
        });
    }
}
