package dev.daap.application.job;

import dev.daap.domain.common.IdGenerator;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import java.time.Clock;

/**
 * Makes and enqueues the jobs that the request-side use cases start, with the configured attempts. Making and
 * enqueueing are two steps because a new database's row must exist (and name its job) before the job's row can
 * refer to it.
 */
public final class JobScheduler {
    private final JobQueue jobs;
    private final JobSettings settings;
    private final IdGenerator ids;
    private final Clock clock;

    public JobScheduler(JobQueue jobs, JobSettings settings, IdGenerator ids, Clock clock) {
        this.jobs = jobs;
        this.settings = settings;
        this.ids = ids;
        this.clock = clock;
    }

    /** A new scheduled job, due now; not yet stored. */
    public Job newJob(JobKind kind, DatabaseId databaseId) {
        return Job.schedule(ids.newId(), kind, databaseId, settings.maxAttempts(), clock.instant());
    }

    /** Stores the job in the caller's transaction; workers hear of it when that transaction commits. */
    public void enqueue(Job job) {
        jobs.enqueue(job);
    }
}
