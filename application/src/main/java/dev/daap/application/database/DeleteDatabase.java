package dev.daap.application.database;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.common.RacedChangeRetry;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.common.VersionPrecondition;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.ConcurrentChangeException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import java.time.Clock;

/**
 * Starts deleting a database, in one transaction that also checks the client's precondition (see
 * {@link VersionPrecondition}), stores the job, the audit entry and the event. A deletion can be undone: status
 * {@code deleting} and a deactivate job, which takes the database out of use and keeps its data until its restore
 * window closes. A purge ({@code purge}, team admins only) is for good: status {@code purging} and a purge job that
 * drops it. Both are refused while deletion protection is on; asking twice is harmless. Any database may be deleted,
 * a failed one too: the jobs touch only what DAAP made for it, which may be nothing.
 */
public final class DeleteDatabase {
    private final Transactions transactions;
    private final Databases databases;
    private final JobScheduler scheduler;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final Clock clock;

    public DeleteDatabase(
            Transactions transactions,
            Databases databases,
            JobScheduler scheduler,
            AuditTrail audit,
            DatabaseEvents events,
            Clock clock) {
        this.events = events;
        this.transactions = transactions;
        this.databases = databases;
        this.scheduler = scheduler;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param precondition the versions the client made the request against ({@code If-Match}), or any
     * @param purge        drop it for good now, instead of keeping it restorable (team admins only)
     */
    public Database execute(Caller caller, DatabaseId id, VersionPrecondition precondition, boolean purge) {
        return RacedChangeRetry.run(
                precondition,
                () -> transactions.inTransaction(() -> {
                    Database current =
                            DatabaseAccess.findAny(databases, caller.principal(), id, purge ? Role.ADMIN : Role.MEMBER);
                    precondition.check(current.version());
                    return purge ? purge(caller, current, precondition) : delete(caller, current, precondition);
                }));
    }

    private Database delete(Caller caller, Database current, VersionPrecondition precondition) {
        if (current.status().isOnTheWayOut()) {
            return current;
        }
        Job deactivate = scheduler.newJob(JobKind.DEACTIVATE, current.id());
        Database deleting = current.startDeleting(deactivate.id(), clock.instant());
        store(deleting, current, precondition);
        scheduler.enqueue(deactivate);
        audit.databaseDeleted(caller, current, deleting);
        events.deletionStarted(current, deleting);
        return deleting;
    }

    private Database purge(Caller caller, Database current, VersionPrecondition precondition) {
        if (current.status() == DatabaseStatus.PURGING || current.status() == DatabaseStatus.PURGED) {
            return current;
        }
        Job purge = scheduler.newJob(JobKind.PURGE, current.id());
        Database purging = current.startPurging(purge.id(), clock.instant());
        store(purging, current, precondition);
        scheduler.enqueue(purge);
        audit.databasePurged(caller, current, purging);
        events.statusChanged(current, purging);
        return purging;
    }

    private void store(Database changed, Database current, VersionPrecondition precondition) {
        try {
            databases.update(changed, current.version());
        } catch (ConcurrentChangeException e) {
            throw precondition.changedMeanwhile(e, current.version());
        }
    }
}
