package dev.daap.application.plan;

import dev.daap.application.audit.AuditTrail;
import dev.daap.application.event.DatabaseEvents;
import dev.daap.application.job.JobScheduler;
import dev.daap.domain.database.QuotaStateChange;
import dev.daap.domain.job.JobKind;
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

    public StorageLimits(DatabaseEvents events, AuditTrail audit, JobScheduler jobs) {
        this.events = events;
        this.audit = audit;
        this.jobs = jobs;
    }

    /** Call inside the transaction that changed the quota states. */
    public void crossed(List<QuotaStateChange> changes) {
        for (QuotaStateChange change : changes) {
            events.quotaStateChanged(change);
            audit.databaseQuotaStateChanged(change);
            jobs.enqueue(jobs.newJob(JobKind.APPLY_PLAN, change.id()));
        }
    }
}
