package dev.daap.application.plan;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.database.Database;
import dev.daap.domain.database.Databases;
import dev.daap.domain.database.QuotaState;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.plan.Plan;
import java.util.List;

/**
 * What follows a database crossing its plan's storage limit, in the transaction that stored the crossing: its event
 * ({@code database.quota_state_changed}), its audit entry (by DAAP) and an {@code apply_plan} job, which makes the
 * database read-only on its cluster or writable again (the job applies the plan and quota state the database has
 * when it runs, so two crossings in a row end with the last).
 */
public final class StorageLimits {
    private final DatabaseEvents events;
    private final AuditTrail audit;
    private final JobScheduler jobs;
    private final Databases databases;

    public StorageLimits(DatabaseEvents events, AuditTrail audit, JobScheduler jobs, Databases databases) {
        this.databases = databases;
        this.events = events;
        this.audit = audit;
        this.jobs = jobs;
    }

    /** Call inside the transaction that changed the quota states. */
    public void crossed(List<QuotaStateChange> changes) {
        for (QuotaStateChange change : changes) {
            recorded(change);
            jobs.enqueue(jobs.newJob(JobKind.APPLY_PLAN, change.id()));
        }
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
