package dev.daap.domain.job;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable job queue (a secondary port). {@link #enqueue} and the outcome methods join the transaction open
 * on the calling thread, so a job is born and finished together with the record change it belongs to. Jobs of
 * one database run one at a time, oldest first.
 */
public interface JobQueue {

    /** Stores a scheduled job and wakes the workers once the transaction commits. */
    void enqueue(Job job);

    /**
     * Takes up to {@code limit} due jobs for {@code owner}: scheduled ones whose time has come, and running ones
     * whose lease expired (their worker died). Each comes back running, with its attempt counted and a lease of
     * {@code lease}. Safe to call from many workers and instances at once.
     */
    List<Job> claim(String owner, Duration lease, int limit);

    /** Marks a job this owner holds as succeeded; throws {@link LeaseLostException} if it no longer holds it. */
    void succeed(UUID jobId, String owner);

    /** Schedules another attempt at {@code runAt}, recording the error. */
    void retryLater(UUID jobId, String owner, String error, Instant runAt);

    /**
     * Puts the job back to wait for its cluster, which is down or did not answer: due again at {@code runAt}, or as
     * soon as {@link #wakeWaitingFor} says the cluster answers. The attempt its claim counted is given back, so
     * waiting for a cluster never uses up a job's attempts; {@code reason} is its last error meanwhile.
     */
    void postpone(UUID jobId, String owner, String reason, Instant runAt, ClusterId waitingFor);

    /** The cluster answers again: every job waiting for it is due now. Returns how many there were. */
    int wakeWaitingFor(ClusterId cluster);

    /** Gives up on the job, recording the error. */
    void fail(UUID jobId, String owner, String error);

    /** The job has nothing left to do (its database went away). */
    void cancel(UUID jobId, String owner, String reason);

    Optional<Job> find(UUID jobId);

    /** The jobs of one database, newest first. */
    List<Job> forDatabase(DatabaseId databaseId, int limit);

    /** Running jobs whose lease expired longer ago than {@code grace}. */
    List<Job> stuck(Duration grace);
}
