package dev.daap.application.database;

import dev.daap.application.audit.AuditTrail;
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
 * Starts deleting a database: status {@code deleting} and a deprovision job, in one transaction that also checks the
 * client's precondition (see {@link VersionPrecondition}). A worker removes it from the target cluster and then marks
 * it deleted (the name is free again). Asking twice is harmless. Any database may be deleted, a failed one too: the
 * job drops only what DAAP made for it, which may be nothing (see {@code Provisioner.deprovision}).
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

    /** @param precondition the versions the client made the request against ({@code If-Match}), or any */
    public Database execute(Caller caller, DatabaseId id, VersionPrecondition precondition) {
        return transactions.inTransaction(() -> {
            Database current = DatabaseAccess.find(databases, caller.principal(), id, Role.MEMBER);
            precondition.check(current.version());
            if (current.status() == DatabaseStatus.DELETING) {
                return current;
            }
            Job deprovision = scheduler.newJob(JobKind.DEPROVISION, id);
            Database deleting = current.startDeleting(deprovision.id(), clock.instant());
            try {
                databases.update(deleting, current.version());
            } catch (ConcurrentChangeException e) {
                throw precondition.changedMeanwhile(e, current.version());
            }
            scheduler.enqueue(deprovision);
            audit.databaseDeleted(caller, current, deleting);
            events.deletionStarted(current, deleting);
            return deleting;
        });
    }
}
