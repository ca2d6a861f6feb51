package dev.daap.application.job;

import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.job.LeaseLostException;
import dev.daap.domain.provisioning.ClusterUnreachableException;
import dev.daap.domain.provisioning.ProvisioningException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Claims one due job and runs its handler; a failure is retried with backoff until the job's attempts are used
 * up, then the job and its database are marked failed with a reason a human can act on. A cluster that does not
 * answer is not the job's failure: the job waits for it (see {@link ClusterWaits}) and keeps its attempts.
 */
public final class JobRunner {
    private static final System.Logger log = System.getLogger(JobRunner.class.getName());
    private final Transactions transactions;
    private final JobQueue jobs;
    private final Map<JobKind, JobHandler> handlers;
    private final JobSettings settings;
    private final RetryPolicy retries;
    private final ClusterWaits waits;
    private final Clock clock;

    public JobRunner(
            Transactions transactions,
            JobQueue jobs,
            Map<JobKind, JobHandler> handlers,
            JobSettings settings,
            ClusterWaits waits,
            Clock clock) {
        this.transactions = transactions;
        this.jobs = jobs;
        this.handlers = Map.copyOf(handlers);
        this.settings = settings;
        this.retries = new RetryPolicy(settings);
        this.waits = waits;
        this.clock = clock;
    }

    /** Claims and runs at most one due job for {@code owner}; false when none was due. */
    public boolean runNext(String owner) {
        List<Job> claimed = jobs.claim(owner, settings.lease(), 1);
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.getFirst();
        JobHandler handler = handlers.get(job.kind());
        if (job.attempts() > job.maxAttempts()) {
            // Only a job whose worker died on every attempt gets here: its lease expired once too often.
            giveUp(job, handler, "gave up after " + job.maxAttempts() + " attempts whose workers stopped mid-way");
            return true;
        }
        try {
            handler.run(job);
        } catch (LeaseLostException e) {
            log.log(Level.WARNING, "{0} job {1} ran past its lease; another worker took it over", job.kind(), job.id());
        } catch (ClusterUnreachableException e) {
            waitForTheCluster(job, handler, e);
        } catch (RuntimeException e) {
            recordFailure(job, handler, e);
        }
        return true;
    }

    private void waitForTheCluster(Job job, JobHandler handler, ClusterUnreachableException error) {
        var wait = waits.waitFor(job, error, clock.instant());
        if (wait.isEmpty()) {
            recordFailure(job, handler, error);
            return;
        }
        // Debug: an outage postpones every job of the cluster, again and again; the probe reports the outage once.
        log.log(
                Level.DEBUG,
                "{0} job {1} waits for its cluster: {2}",
                job.kind().wireName(),
                job.id(),
                wait.get().reason());
        transactions.inTransaction(() -> {
            jobs.postpone(
                    job.id(),
                    job.leaseOwner(),
                    wait.get().reason(),
                    wait.get().until(),
                    wait.get().cluster());
            return null;
        });
    }

    private void recordFailure(Job job, JobHandler handler, RuntimeException error) {
        String reason;
        if (error instanceof ProvisioningException) {
            reason = error.getMessage();
            log.log(
                    Level.WARNING,
                    "{0} job {1} failed (attempt {2} of {3}): {4}",
                    job.kind().wireName(),
                    job.id(),
                    job.attempts(),
                    job.maxAttempts(),
                    reason);
        } else {
            reason = "internal error while running " + job.kind().wireName() + " operation " + job.id()
                    + "; see the DAAP logs";
            log.log(
                    Level.ERROR,
                    "{0} job {1} failed unexpectedly (attempt {2} of {3})",
                    job.kind().wireName(),
                    job.id(),
                    job.attempts(),
                    job.maxAttempts());
            log.log(Level.ERROR, "cause of the failure above", error);
        }
        if (job.hasAttemptsLeft()) {
            transactions.inTransaction(() -> {
                jobs.retryLater(
                        job.id(), job.leaseOwner(), reason, clock.instant().plus(retries.delayAfter(job.attempts())));
                return null;
            });
        } else {
            giveUp(job, handler, reason);
        }
    }

    private void giveUp(Job job, JobHandler handler, String reason) {
        transactions.inTransaction(() -> {
            jobs.fail(job.id(), job.leaseOwner(), reason);
            handler.giveUp(job, reason);
            return null;
        });
    }
}
