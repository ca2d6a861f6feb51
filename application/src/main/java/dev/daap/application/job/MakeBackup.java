package dev.daap.application.job;

import dev.daap.application.cluster.ClusterTargets;
import dev.daap.application.event.BackupEvents;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.BackupTools;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.backup.TableCensus;
import dev.daap.domain.backup.TableCount;
import dev.daap.domain.cluster.ClusterTarget;
import dev.daap.domain.cluster.Clusters;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseStatus;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.NameOnCluster;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backup job: counts the database's tables ({@link TableCensus}) and, in the same snapshot, streams
 * {@code pg_dump} of the database through the {@link BackupWriter} into the store (outside any transaction of DAAP's:
 * it takes as long as the database is large), then in one transaction marks the backup ready with its size, SHA-256,
 * server version and the tables' counts, appends the event and completes the job. A crash before the store committed
 * leaves no object; a crash after it leaves the job to be taken again, which dumps again and replaces the object
 * under the same key. Either way the record says {@code ready} only for a whole object.
 */
public final class MakeBackup implements JobHandler {
    private final Transactions transactions;
    private final Databases databases;
    private final Backups backups;
    private final JobQueue jobs;
    private final ClusterTargets targets;
    private final Clusters clusters;
    private final BackupTools tools;
    private final TableCensus census;
    private final BackupWriter writer;
    private final BackupEvents events;
    private final Clock clock;

    public MakeBackup(
            Transactions transactions,
            Databases databases,
            Backups backups,
            JobQueue jobs,
            ClusterTargets targets,
            Clusters clusters,
            BackupTools tools,
            TableCensus census,
            BackupWriter writer,
            BackupEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.backups = backups;
        this.jobs = jobs;
        this.targets = targets;
        this.clusters = clusters;
        this.tools = tools;
        this.census = census;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(Job job) {
        Optional<Backup> creating = creating(job);
        Optional<Database> database = inPlace(job);
        if (creating.isEmpty() || database.isEmpty()) {
            transactions.inTransaction(() -> {
                giveUp(job, "its database was deleted before the job could run"); // settles the backup, if any
                jobs.cancel(job.id(), job.leaseOwner(), "the backup is no longer waiting to be taken");
                return null;
            });
            return;
        }
        Backup backup = creating.get();
        ClusterTarget target = targets.target(backup.cluster(), "backup " + backup.id());
        String serverVersion = clusters.find(backup.cluster().id())
                .map(cluster -> cluster.health().serverVersion())
                .orElse(null);
        NameOnCluster name = database.get().nameOnCluster();
        var stored = new AtomicReference<Backup.Stored>();
        List<TableCount> tables = census.countHolding(
                target,
                name,
                snapshot -> stored.set(
                        writer.write(backup.id(), sink -> tools.dump(target, name, serverVersion, snapshot, sink))));
        transactions.inTransaction(() -> {
            creating(job).ifPresent(current -> {
                Backup made = current.made(stored.get(), serverVersion, tables, clock.instant());
                backups.update(made, current.version());
                events.statusChanged(current, made);
            });
            jobs.succeed(job.id(), job.leaseOwner());
            return null;
        });
    }

    private Optional<Backup> creating(Job job) {
        return backups.findByOperation(job.id()).filter(backup -> backup.status() == BackupStatus.CREATING);
    }

    /** Its database while it is on its cluster under its own name (see {@code MakeSnapshot#inPlace}). */
    private Optional<Database> inPlace(Job job) {
        return databases.find(job.databaseId()).filter(database -> database.status() != DatabaseStatus.RESTORING);
    }

    @Override
    public void giveUp(Job job, String reason) {
        creating(job).ifPresent(current -> {
            Backup failed = current.failed(reason, clock.instant());
            backups.update(failed, current.version());
            events.statusChanged(current, failed);
        });
    }
}
