package dev.daap.application.job;

import dev.daap.domain.job.Job;

/** Does one kind of job. {@link #run} completes the job itself, in the transaction of its last change. */
public interface JobHandler {

    /** Does the work; throws if it failed (the runner then retries or gives up). */
    void run(Job job);

    /** The job will not be retried again: record on the database why (called inside a transaction). */
    void giveUp(Job job, String reason);
}
