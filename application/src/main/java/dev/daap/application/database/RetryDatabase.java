package dev.daap.application.database;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.cluster.PlacementRequest;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.Move;
import dev.daap.domain.database.Moves;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.time.Instant;

/**
 * Tries a failed database again with a new job of the kind that failed: provisioning, deleting or restoring it
 * again; and a purge whose job gave up (the database stays {@code purging} with a failure reason). Refused (409) for
 * a database that has not failed.
 */
public final class RetryDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobScheduler scheduler;
    private final JobQueue jobs;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final Clock clock;
    private final Moves moves;
    private final ClusterPlacement placement;

    public RetryDatabase(
            Transactions transactions,
            Databases databases,
            JobScheduler scheduler,
            JobQueue jobs,
            AuditTrail audit,
            DatabaseEvents events,
            Clock clock,
            Moves moves,
            Clusters clusters) {
        this.moves = moves;
        this.placement = new ClusterPlacement(clusters);
        this.events = events;
        this.audit = audit;
        this.transactions = transactions;
        this.databases = databases;
        this.scheduler = scheduler;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Database execute(Caller caller, DatabaseId id) {
        return transactions.inTransaction(() -> {
            Database current = DatabaseAccess.findAny(databases, caller.principal(), id, Role.MEMBER);
            boolean purgeFailed = current.status() == DatabaseStatus.PURGING && current.failureReason() != null;
            if (current.status() != DatabaseStatus.FAILED && !purgeFailed) {
                throw new IllegalTransitionException("only a failed database can be retried; this one is "
                        + current.status().wireName());
            }
            JobKind kind = purgeFailed ? JobKind.PURGE : lastKind(current);
            Instant now = clock.instant();
            Job job = scheduler.newJob(kind == JobKind.DEPROVISION ? JobKind.DEACTIVATE : kind, id);
            Database retried = switch (kind) {
                case PROVISION -> current.retry(job.id(), now);
                case DEPROVISION, DEACTIVATE -> current.startDeleting(job.id(), now);
                case RESTORE -> current.retryRestoring(job.id(), now);
                case PURGE -> current.retryPurging(job.id(), now);
                case MOVE -> retryMove(current, job, now);
                // Snapshot and backup jobs settle their own record, never their database, and are never its latest
                // operation; nor are the upgrade's set_up_access and the jobs of users, which leave their database as
                // it is.
                case SNAPSHOT,
                        SNAPSHOT_DELETE,
                        SNAPSHOT_RESTORE,
                        BACKUP,
                        BACKUP_DELETE,
                        SET_UP_ACCESS,
                        USER_CREATE,
                        USER_DELETE,
                        USER_END_PREVIOUS,
                        USERS_ROTATE_AFTER_MOVE,
                        BACKUP_DRILL,
                        APPLY_PLAN ->
                    throw new IllegalStateException("a " + kind.wireName() + " job does not fail a database");
            };
            databases.update(retried, current.version());
            scheduler.enqueue(job);
            audit.databaseRetried(caller, current, retried);
            events.statusChanged(current, retried);
            return retried;
        });
    }

    /**
     * Moving again, to the same cluster as far as the failed move had come, under the new job: the place there that
     * the move gave back when it gave up is taken again ({@code 409 no-capacity} if it no longer fits).
     */
    private Database retryMove(Database current, Job job, Instant now) {
        Move failed = moves.findByOperation(current.latestOperationId())
                .orElseThrow(() -> new IllegalStateException("a failed move job without its move"));
        placement.place(PlacementRequest.on(failed.to().name()));
        moves.add(failed.retriedAs(job.id()));
        return current.startMoving(job.id(), now);
    }

    private JobKind lastKind(Database database) {
        if (database.latestOperationId() == null) {
            return JobKind.PROVISION;
        }
        return jobs.find(database.latestOperationId()).map(Job::kind).orElse(JobKind.PROVISION);
    }
}
