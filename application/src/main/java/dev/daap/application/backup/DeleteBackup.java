package dev.daap.application.backup;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.BackupEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import java.time.Clock;

/**
 * A team admin deletes a backup: it moves to {@code deleting} with a {@code backup_delete} job that removes its
 * object from the store. Asking again while it is being deleted answers the same; one being taken is refused.
 */
public final class DeleteBackup {
    private final Transactions transactions;
    private final Backups backups;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final BackupEvents events;
    private final Clock clock;

    public DeleteBackup(
            Transactions transactions,
            Backups backups,
            JobScheduler jobs,
            AuditTrail audit,
            BackupEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.backups = backups;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Backup execute(Caller caller, BackupId id) {
        return transactions.inTransaction(() -> {
            Backup current = BackupAccess.find(backups, caller.principal(), id, Role.ADMIN);
            if (current.status() == BackupStatus.DELETING) {
                return current;
            }
            if (current.status() == BackupStatus.CREATING) {
                throw new IllegalTransitionException(
                        "a backup being taken cannot be deleted until it is ready or failed");
            }
            Job job = jobs.newJob(JobKind.BACKUP_DELETE, current.databaseId());
            Backup deleting = current.startDeleting(job.id(), clock.instant());
            backups.update(deleting, current.version());
            jobs.enqueue(job);
            audit.backupDeleted(caller, current, deleting);
            events.statusChanged(current, deleting);
            return deleting;
        });
    }
}
