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
import dev.daap.domain.error.InvalidInputException;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.snapshot.Snapshot;
import dev.daap.domain.snapshot.SnapshotId;
import dev.daap.domain.snapshot.Snapshots;
import java.time.Clock;

/**
 * A member asks for a snapshot of a ready database: the snapshot (creating), its job, the audit entry and the event
 * in one transaction; a worker makes the copy (see {@code MakeSnapshot}).
 */
public final class TakeSnapshot {
    private final Transactions transactions;
    private final Databases databases;
    private final Snapshots snapshots;
    private final SnapshotLimit limit;
    private final JobScheduler jobs;
    private final AuditTrail audit;
    private final SnapshotEvents events;
    private final IdGenerator ids;
    private final Clock clock;

    public TakeSnapshot(
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

    /** @param description the owner's words, or null */
    public Snapshot execute(Caller caller, DatabaseId id, String description) {
        if (description != null && (description.isBlank() || description.length() > Snapshot.MAX_DESCRIPTION)) {
            throw InvalidInputException.of(
                    "description", "must have 1 to " + Snapshot.MAX_DESCRIPTION + " characters, not only spaces");
        }
        return transactions.inTransaction(() -> {
            // Deleted ones too: refused below as not ready (409), not as missing (404), since GET shows them.
            Database database = DatabaseAccess.findAny(databases, caller.principal(), id, Role.MEMBER);
            if (database.status() != DatabaseStatus.READY || database.cluster() == null) {
                throw new IllegalTransitionException("only a ready database can be snapshotted; this one is "
                        + database.status().wireName());
            }
            limit.requireRoom(snapshots, id, "no room for another snapshot");
            Job job = jobs.newJob(JobKind.SNAPSHOT, id);
            Snapshot snapshot = Snapshot.requested(
                    new SnapshotId(ids.newId()),
                    id,
                    database.ownerTeam(),
                    database.cluster(),
                    description,
                    null,
                    job.id(),
                    clock.instant());
            snapshots.add(snapshot);
            jobs.enqueue(job);
            audit.snapshotCreated(caller, snapshot);
            events.created(snapshot);
            return snapshot;
        });
    }
}
