package dev.daap.application.backup;

import dev.daap.application.event.BackupEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupSchedules;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.cluster.Cluster;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.BackupPolicy;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sweep of scheduled backups, run every minute by every instance. In one transaction it locks the databases
 * whose backup is due (skipping those another instance holds), takes each one's backup as {@link TakeBackup} does,
 * moves its due time to the start of the next slot after now, and deletes its scheduled backups past retention. So
 * each slot gets one backup however many instances sweep, and slots missed while DAAP was down get one between them.
 * No client asked, so no audit entry; the events say what happened.
 */
public final class ScheduleBackups {
    /** How many databases one sweep handles at most; the rest wait a minute for the next. */
    static final int BATCH = 20;

    private final Transactions transactions;
    private final BackupSchedules schedules;
    private final Databases databases;
    private final Clusters clusters;
    private final Backups backups;
    private final BackupTools tools;
    private final JobScheduler jobs;
    private final BackupEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public ScheduleBackups(
            Transactions transactions,
            BackupSchedules schedules,
            Databases databases,
            Clusters clusters,
            Backups backups,
            BackupTools tools,
            JobScheduler jobs,
            BackupEvents events,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.schedules = schedules;
        this.databases = databases;
        this.clusters = clusters;
        this.backups = backups;
        this.tools = tools;
        this.jobs = jobs;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** What this sweep did: the backups it started and those it started deleting. */
    public Outcome execute() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            var taken = new ArrayList<Backup>();
            var deleting = new ArrayList<Backup>();
            for (BackupSchedules.Due due : schedules.lockDue(now, BATCH)) {
                Optional<Database> database = databases.findIncludingDeleted(due.database());
                database.flatMap(this::backupOf).ifPresent(taken::add);
                deleting.addAll(
                        retire(due.policy(), database.map(Database::status).orElse(DatabaseStatus.PURGED), due, now));
                schedules.reschedule(due.database(), due.policy().schedule().nextSlotAfter(now));
            }
            return new Outcome(taken, deleting);
        });
    }

    /** A ready database's backup; none (and no error: the next slot tries again) when tools cannot dump it. */
    private Optional<Backup> backupOf(Database database) {
        if (database.status() != DatabaseStatus.READY || database.cluster() == null) {
            return Optional.empty();
        }
        Optional<Cluster> cluster = clusters.find(database.cluster().id());
        if (cluster.isEmpty()
                || !tools.check(cluster.get().health().serverVersion()).available()) {
            return Optional.empty();
        }
        Backup backup = TakeBackup.start(database, backups, jobs, events, ids, clock);
        schedules.markScheduled(backup.id());
        return Optional.of(backup);
    }

    /**
     * Scheduled backups past retention: beyond the newest {@code retain} ready ones; once the database is purged
     * (backups outlive it), those older than {@code retain} slots.
     */
    private List<Backup> retire(BackupPolicy policy, DatabaseStatus status, BackupSchedules.Due due, Instant now) {
        List<Backup> ready = schedules.readyScheduledOf(due.database());
        List<Backup> past;
        if (status == DatabaseStatus.PURGED) {
            Instant oldest = now.minus(policy.schedule().length().multipliedBy(policy.retain()));
            past = ready.stream()
                    .filter(backup -> backup.createdAt().isBefore(oldest))
                    .toList();
        } else {
            past = ready.size() > policy.retain() ? ready.subList(policy.retain(), ready.size()) : List.of();
        }
        var started = new ArrayList<Backup>();
        for (Backup current : past) {
            Job job = jobs.newJob(JobKind.BACKUP_DELETE, current.databaseId());
            Backup deleting = current.startDeleting(job.id(), clock.instant());
            backups.update(deleting, current.version());
            jobs.enqueue(job);
            events.statusChanged(current, deleting);
            started.add(deleting);
        }
        return started;
    }

    /**
     * @param taken    the backups the sweep started
     * @param deleting the scheduled backups past retention it started deleting
     */
    public record Outcome(List<Backup> taken, List<Backup> deleting) {
        public Outcome {
            taken = List.copyOf(taken);
            deleting = List.copyOf(deleting);
        }
    }
}
