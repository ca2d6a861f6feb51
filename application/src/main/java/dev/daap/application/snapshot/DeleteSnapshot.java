package dev.daap.application.snapshot;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.database.DatabaseAccess;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.Databases;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.SnapshotStatus;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Clock;

/**
 * Starts deleting a snapshot (ready or failed): status {@code deleting} and a job that drops its copy, in one
 * transaction. Asking twice is harmless; one still being made must be waited for.
 */
public final class DeleteSnapshot {
    private final Transactions transactions;
    private final Databases databases;
    private final Snapshots snapshots;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final SnapshotEvents events;
    private final Clock clock;

    public DeleteSnapshot(
            Transactions transactions,
            Databases databases,
            Snapshots snapshots,
            JobScheduler jobs,
            AuditTrail audit,
            SnapshotEvents events,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.snapshots = snapshots;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public Snapshot execute(Caller caller, DatabaseId database, SnapshotId id) {
        return transactions.inTransaction(() -> {
            DatabaseAccess.findAny(databases, caller.principal(), database, Role.MEMBER); // deleted ones keep theirs
            Snapshot current = SnapshotAccess.find(snapshots, database, id);
            if (current.status() == SnapshotStatus.DELETING) {
                return current;
            }
            if (current.status() == SnapshotStatus.CREATING) {
                throw new IllegalTransitionException("the snapshot is still being made; delete it once it is ready");
            }
            Job job = jobs.newJob(JobKind.SNAPSHOT_DELETE, database);
            Snapshot deleting = current.startDeleting(job.id(), clock.instant());
            snapshots.update(deleting, current.version());
            jobs.enqueue(job);
            audit.snapshotDeleted(caller, current, deleting);
            events.deletionStarted(deleting);
            return deleting;
        });
    }
}
