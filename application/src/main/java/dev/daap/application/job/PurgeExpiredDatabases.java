package dev.daap.application.job;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import java.time.Clock;

/**
 * The sweep that purges deleted databases whose restore window has closed: in one transaction per batch, each
 * becomes {@code purging} with a purge job, an audit entry by DAAP and an event. The rows are locked as they are
 * read and locked ones skipped, so sweeps on several instances never start the same purge twice.
 */
public final class PurgeExpiredDatabases {
    static final int BATCH = 100;
    private final Transactions transactions;
    private final Databases databases;
    private final JobScheduler scheduler;
    private final AuditTrail audit;
    private final DatabaseEvents events;
    private final Clock clock;

    public PurgeExpiredDatabases(
            Transactions transactions,
            Databases databases,
            JobScheduler scheduler,
            AuditTrail audit,
            DatabaseEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.scheduler = scheduler;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Starts the purge of every database past its window; returns how many. */
    public int execute() {
        int total = 0;
        int batch;
        do {
            batch = transactions.inTransaction(this::purgeBatch);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int purgeBatch() {
        var due = databases.dueForPurge(clock.instant(), BATCH);
        for (Database deleted : due) {
            Job purge = scheduler.newJob(JobKind.PURGE, deleted.id());
            Database purging = deleted.startPurging(purge.id(), clock.instant());
            databases.update(purging, deleted.version());
            scheduler.enqueue(purge);
            audit.databasePurgedBySystem(deleted, purging);
            events.statusChanged(deleted, purging);
        }
        return due.size();
    }
}
