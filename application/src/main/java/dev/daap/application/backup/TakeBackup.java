package dev.daap.application.backup;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.database.DatabaseAccess;
import dev.daap.application.event.BackupEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupId;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.BackupUnavailableException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import java.time.Clock;

/**
 * A member asks for a backup of a ready database: the backup (creating), its job, the audit entry and the event in
 * one transaction; a worker dumps it into the store (see {@code MakeBackup}). Refused at once ({@code 409
 * backup-unavailable}) when this machine has no {@code pg_dump} that can read the database's cluster.
 */
public final class TakeBackup {
    private final Transactions transactions;
    private final Databases databases;
    private final Clusters clusters;
    private final Backups backups;
    private final BackupTools tools;
    private final BackupLimit limit;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final BackupEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public TakeBackup(
            Transactions transactions,
            Databases databases,
            Clusters clusters,
            Backups backups,
            BackupTools tools,
            BackupLimit limit,
            JobScheduler jobs,
            AuditTrail audit,
            BackupEvents events,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.clusters = clusters;
        this.backups = backups;
        this.tools = tools;
        this.limit = limit;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    public Backup execute(Caller caller, DatabaseId id) {
        return transactions.inTransaction(() -> {
            // Deleted ones too: refused below as not ready (409), not as missing (404), since GET shows them.
            Database database = DatabaseAccess.findAny(databases, caller.principal(), id, Role.MEMBER);
            if (database.status() != DatabaseStatus.READY || database.cluster() == null) {
                throw new IllegalTransitionException("only a ready database can be backed up; this one is "
                        + database.status().wireName());
            }
            Cluster cluster = clusters.find(database.cluster().id())
                    .orElseThrow(() -> new IllegalTransitionException(
                            "the cluster of this database was removed; it cannot be backed up"));
            BackupTools.ToolCheck check = tools.check(cluster.health().serverVersion());
            if (!check.available()) {
                throw new BackupUnavailableException(
                        "databases of cluster " + cluster.name() + " cannot be backed up: " + check.detail());
            }
            limit.requireRoom(backups, database.id());
            Backup backup = start(database, backups, jobs, events, ids, clock);
            audit.backupCreated(caller, backup);
            return backup;
        });
    }

    /**
     * The backup of a ready database that tools can dump, and its job and event, in the caller's transaction: shared
     * with {@link ScheduleBackups}, which takes them without a client (so without an audit entry).
     */
    static Backup start(
            Database database, Backups backups, JobScheduler jobs, BackupEvents events, IdGenerator ids, Clock clock) {
        Job job = jobs.newJob(JobKind.BACKUP, database.id());
        Backup backup = Backup.requested(
                new BackupId(ids.newId()),
                database.id(),
                database.ownerTeam(),
                database.cluster(),
                job.id(),
                clock.instant());
        backups.add(backup);
        jobs.enqueue(job);
        events.created(backup);
        return backup;
    }
}
