package dev.daap.application.snapshot;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.database.DatabaseAccess;
import dev.daap.application.event.SnapshotEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.access.Caller;
import dev.daap.domain.access.Role;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.DatabaseStatus;
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
 * A member puts a ready database back to one of its ready snapshots. What the database holds now becomes a new
 * snapshot first (so the restore can itself be undone by restoring that one): that snapshot (creating, naming the
 * restored one in {@code restore_of}), the restore job, the audit entry and the event are stored in one transaction,
 * and the returned snapshot is that new one. A worker does the rest (see {@code RestoreFromSnapshot}).
 */
public final class RestoreSnapshot {
    private final Transactions transactions;
    private final Databases databases;
    private final Snapshots snapshots;
    private final SnapshotLimit limit;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final SnapshotEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public RestoreSnapshot(
            Transactions transactions,
            Databases databases,
            Snapshots snapshots,
            SnapshotLimit limit,
            JobScheduler jobs,
            AuditTrail audit,
            SnapshotEvents events,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.databases = databases;
        this.snapshots = snapshots;
        this.limit = limit;
        this.jobs = jobs;
        this.audit = audit;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    public Snapshot execute(Caller caller, DatabaseId id, SnapshotId snapshotId) {
        return transactions.inTransaction(() -> {
            // Deleted ones too: refused below as not ready (409), not as missing (404), since GET shows them.
            Database database = DatabaseAccess.findAny(databases, caller.principal(), id, Role.MEMBER);
            Snapshot restored = SnapshotAccess.find(snapshots, id, snapshotId);
            if (database.status() != DatabaseStatus.READY) {
                throw new IllegalTransitionException("only a ready database can be restored; this one is "
                        + database.status().wireName());
            }
            if (restored.status() != SnapshotStatus.READY) {
                throw new IllegalTransitionException("only a ready snapshot can be restored; this one is "
                        + restored.status().wireName());
            }
            limit.requireRoom(snapshots, id, "no room for the snapshot of the contents the restore replaces");
            Job job = jobs.newJob(JobKind.SNAPSHOT_RESTORE, id);
            Snapshot replaced = Snapshot.requested(
                    new SnapshotId(ids.newId()),
                    id,
                    database.ownerTeam(),
                    database.cluster(),
                    "contents before restoring snapshot " + restored.id(),
                    restored.id(),
                    job.id(),
                    clock.instant());
            snapshots.add(replaced);
            jobs.enqueue(job);
            audit.snapshotRestored(caller, restored, replaced);
            events.restoreStarted(restored, replaced);
            return replaced;
        });
    }
}
