package dev.daap.application.job;

import dev.daap.application.event.BackupEvents;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.BackupStore;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.util.Optional;

/**
 * The job that removes a backup's object from the store (idempotent: an object already gone is fine), then marks the
 * backup deleted in the transaction that completes the job.
 */
public final class DropBackup implements JobHandler {
    private final Transactions transactions;
    private final Backups backups;
    private final JobQueue jobs;
    private final BackupStore store;
    private final BackupEvents events;
    private final Clock clock;

    public DropBackup(
            Transactions transactions,
            Backups backups,
            JobQueue jobs,
            BackupStore store,
            BackupEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.backups = backups;
        this.jobs = jobs;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Backup> deleting = deleting(job);
        if (deleting.isEmpty()) {
            transactions.inTransaction(() -> {
                jobs.cancel(job.id(), job.leaseOwner(), "the backup is not being deleted");
                return null;
            });
            return;
        }
        store.delete(deleting.get().id().storeKey());
        transactions.inTransaction(() -> {
            deleting(job).ifPresent(current -> {
                Backup deleted = current.deleted(clock.instant());
                backups.update(deleted, current.version());
                events.statusChanged(current, deleted);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<Backup> deleting(Job job) {
        return backups.findByOperation(job.id()).filter(backup -> backup.status() == BackupStatus.DELETING);
    }

    @Override
    public void giveUp(Job job, String reason) {
        deleting(job).ifPresent(current -> {
            Backup failed = current.failed(reason, clock.instant());
            backups.update(failed, current.version());
            events.statusChanged(current, failed);
        });
    }
}
