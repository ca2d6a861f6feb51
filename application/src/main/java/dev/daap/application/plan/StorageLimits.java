package dev.daap.application.plan;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.cluster.DatabaseSeen;
import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.database.QuotaStates;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.plan.Plan;
import java.time.Clock;
import java.util.List;

/**
 * Databases crossing their plan's storage limit, and what follows, in the transaction that stores the crossing: its
 * event ({@code database.quota_state_changed}), its audit entry (by DAAP) and an {@code apply_plan} job, which makes
 * the database read-only on its cluster or writable again (the job applies the plan and quota state the database has
 * when it runs, so two crossings in a row end with the last).
 */
public final class StorageLimits {
    private final QuotaStates quotaStates;
    private final Databases databases;
    private final DatabaseEvents events;
    private final AuditTrail audit;
    private final JobQueue jobs;
    private final IdGenerator ids;
    private final int maxAttempts;
    private final Clock clock;

    /** {@code maxAttempts}: of each job it queues, as the workers are configured. */
    public StorageLimits(
            QuotaStates quotaStates,
            Databases databases,
            DatabaseEvents events,
            AuditTrail audit,
            JobQueue jobs,
            IdGenerator ids,
            int maxAttempts,
            Clock clock) {
        this.quotaStates = quotaStates;
        this.databases = databases;
        this.events = events;
        this.audit = audit;
        this.jobs = jobs;
        this.ids = ids;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /**
     * A probe measured {@code measured} on {@code cluster}: settles their quota states (see {@link QuotaStates}; call
     * it in the probe's transaction, before the sizes are stored) and records each change. Returns the changes.
     */
    public List<QuotaStateChange> settle(ClusterId cluster, List<DatabaseSeen> measured) {
        List<QuotaStateChange> changes = quotaStates.settle(cluster, measured);
        for (QuotaStateChange change : changes) {
            recorded(change);
            jobs.enqueue(Job.schedule(ids.newId(), JobKind.APPLY_PLAN, change.id(), maxAttempts, clock.instant()));
        }
        return changes;
    }

    /**
     * A move to another plan ({@code changed}, stored in the caller's transaction together with the
     * {@code apply_plan} job the plan change queues) whose storage limit is at or above what an {@code over_storage}
     * database was last measured at: it is {@code ok} at once, in that transaction, rather than at the next probe.
     * Returns the database as it is then.
     */
    public Database afterPlanChange(Database changed, Plan plan) {
        Long size = changed.storageBytes();
        if (changed.quotaState() != QuotaState.OVER_STORAGE || (size != null && size > plan.storageLimitBytes())) {
            return changed;
        }
        databases.changeQuotaState(changed.id(), QuotaState.OK);
        recorded(new QuotaStateChange(
                changed.id(),
                changed.name(),
                changed.ownerTeam(),
                changed.status(),
                changed.version(),
                plan.name(),
                size == null ? 0 : size,
                plan.storageLimitBytes(),
                QuotaState.OVER_STORAGE,
                QuotaState.OK));
        return changed.withQuotaState(QuotaState.OK);
    }

    private void recorded(QuotaStateChange change) {
        events.quotaStateChanged(change);
        audit.databaseQuotaStateChanged(change);
    }
}
