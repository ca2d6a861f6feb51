package dev.daap.application.backup;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import java.time.Clock;

/**
 * A member asks for a restore drill of a ready backup now, besides the sampled ones DAAP runs by itself: the backup's
 * verification is {@code pending} with a {@code backup_drill} job. Asking again while one is pending answers the
 * same.
 */
public final class VerifyBackup {
    private final Transactions transactions;
    private final Backups backups;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final Clock clock;

    public VerifyBackup(Transactions transactions, Backups backups, JobScheduler jobs, AuditTrail audit, Clock clock) {
        this.transactions = transactions;
        this.backups = backups;
        this.jobs = jobs;
        this.audit = audit;
        this.clock = clock;
    }

    public Backup execute(Caller caller, BackupId id) {
        return transactions.inTransaction(() -> {
            Backup current = BackupAccess.find(backups, caller.principal(), id, Role.MEMBER);
            if (current.isDrilling()) {
                return current;
            }
            Backup drilling = startDrill(backups, jobs, current, clock);
            audit.backupVerifyRequested(caller, current, drilling);
            return drilling;
        });
    }

    /** The backup's drill job, queued with it in the caller's transaction; refused unless the backup is ready. */
    static Backup startDrill(Backups backups, JobScheduler jobs, Backup current, Clock clock) {
        Job job = jobs.newJob(JobKind.BACKUP_DRILL, current.databaseId());
        Backup drilling = current.drilling(job.id(), clock.instant());
        backups.update(drilling, current.version());
        jobs.enqueue(job);
        return drilling;
    }
}
