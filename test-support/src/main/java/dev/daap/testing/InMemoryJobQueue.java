package dev.daap.testing;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.job.JobState;
import dev.daap.domain.job.LeaseLostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A fake of the {@link JobQueue} port with the rules of the PostgreSQL queue, pinned down by {@link JobQueueContract}:
 * due jobs and expired leases are claimed, a database's jobs run one at a time oldest first, and only the lease
 * holder may finish or hand back a job. Thread-safe; it has no transactions of its own and no foreign keys.
 */
public final class InMemoryJobQueue implements JobQueue {
    /** PostgreSQL orders uuid values byte by byte, unsigned; {@link UUID#compareTo} compares signed longs. */
    private static final Comparator<UUID> UUID_ORDER = Comparator.comparing(
                    UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private static final Comparator<Job> OLDEST_FIRST =
            Comparator.comparing(Job::createdAt).thenComparing(Job::id, UUID_ORDER);
    private static final Comparator<Job> CLAIM_ORDER =
            Comparator.comparing(Job::runAt).thenComparing(OLDEST_FIRST);

    private final Map<UUID, Job> jobs = new LinkedHashMap<>();
    /** Postponed jobs and the cluster each waits for (the PostgreSQL queue's waiting_for_cluster column). */
    private final Map<UUID, ClusterId> waiting = new LinkedHashMap<>();

    private final ReentrantLock lock = new ReentrantLock(); // not synchronized: avoids pinning virtual threads
    private final Clock clock;

    public InMemoryJobQueue(Clock clock) {
        this.clock = clock;
    }

    /** Every job ever enqueued, in any state. */
    public List<Job> all() {
        return locked(() -> List.copyOf(jobs.values()));
    }

    @Override
    public void enqueue(Job job) {
        locked(() -> {
            if (jobs.putIfAbsent(job.id(), job) != null) {
                throw new IllegalStateException("duplicate primary key " + job.id());
            }
            return null;
        });
    }

    @Override
    public List<Job> claim(String owner, Duration lease, int limit) {
        Instant now = now();
        return locked(() -> {
            List<Job> due = jobs.values().stream()
                    .filter(job -> isDue(job, now) && !waitsForAnOlderJob(job))
                    .sorted(CLAIM_ORDER)
                    .limit(limit)
                    .toList();
            List<Job> claimed = new ArrayList<>(due.size());
            for (Job job : due) {
                Job running = copy(
                        job,
                        JobState.RUNNING,
                        job.attempts() + 1,
                        job.runAt(),
                        owner,
                        now.plus(lease),
                        job.lastError(),
                        job.startedAt() == null ? now : job.startedAt(),
                        job.finishedAt());
                jobs.put(job.id(), running);
                waiting.remove(job.id());
                claimed.add(running);
            }
            return claimed;
        });
    }

    @Override
    public void succeed(UUID jobId, String owner) {
        finish(jobId, owner, JobState.SUCCEEDED, null);
    }

    @Override
    public void fail(UUID jobId, String owner, String error) {
        finish(jobId, owner, JobState.FAILED, error);
    }

    @Override
    public void cancel(UUID jobId, String owner, String reason) {
        finish(jobId, owner, JobState.CANCELLED, reason);
    }

    @Override
    public void retryLater(UUID jobId, String owner, String error, Instant runAt) {
        updateHeld(
                jobId,
                owner,
                job -> copy(
                        job,
                        JobState.SCHEDULED,
                        job.attempts(),
                        micros(runAt),
                        null,
                        null,
                        error,
                        job.startedAt(),
                        job.finishedAt()));
    }

    @Override
    public void postpone(UUID jobId, String owner, String reason, Instant runAt, ClusterId waitingFor) {
        locked(() -> {
            updateHeld(
                    jobId,
                    owner,
                    job -> copy(
                            job,
                            JobState.SCHEDULED,
                            job.attempts() - 1,
                            micros(runAt),
                            null,
                            null,
                            reason,
                            job.startedAt(),
                            job.finishedAt()));
            waiting.put(jobId, waitingFor);
            return null;
        });
    }

    @Override
    public int wakeWaitingFor(ClusterId cluster) {
        Instant now = now();
        return locked(() -> {
            List<UUID> woken = waiting.entrySet().stream()
                    .filter(entry -> entry.getValue().equals(cluster)
                            && jobs.get(entry.getKey()).state() == JobState.SCHEDULED)
                    .map(Map.Entry::getKey)
                    .toList();
            for (UUID id : woken) {
                Job job = jobs.get(id);
                if (job.runAt().isAfter(now)) {
                    jobs.put(
                            id,
                            copy(
                                    job,
                                    job.state(),
                                    job.attempts(),
                                    now,
                                    null,
                                    null,
                                    job.lastError(),
                                    job.startedAt(),
                                    job.finishedAt()));
                }
                waiting.remove(id);
            }
            return woken.size();
        });
    }

    @Override
    public Optional<Job> find(UUID jobId) {
        return locked(() -> Optional.ofNullable(jobs.get(jobId)));
    }

    @Override
    public List<Job> forDatabase(DatabaseId databaseId, int limit) {
        return locked(() -> jobs.values().stream()
                .filter(job -> job.databaseId().equals(databaseId))
                .sorted(OLDEST_FIRST.reversed())
                .limit(limit)
                .toList());
    }

    @Override
    public List<Job> stuck(Duration grace) {
        Instant threshold = now().minus(grace);
        return locked(() -> jobs.values().stream()
                .filter(job ->
                        job.state() == JobState.RUNNING && job.leaseExpiresAt().isBefore(threshold))
                .sorted(Comparator.comparing(Job::leaseExpiresAt))
                .toList());
    }

    private static boolean isDue(Job job, Instant now) {
        return job.state() == JobState.SCHEDULED && !job.runAt().isAfter(now)
                || job.state() == JobState.RUNNING && job.leaseExpiresAt().isBefore(now);
    }

    /** A database's jobs never overlap: a job waits while an older one of its database is unfinished. */
    private boolean waitsForAnOlderJob(Job job) {
        return jobs.values().stream()
                .anyMatch(other -> other.databaseId().equals(job.databaseId())
                        && !other.state().isFinished()
                        && OLDEST_FIRST.compare(other, job) < 0);
    }

    private void finish(UUID jobId, String owner, JobState state, String error) {
        Instant now = now();
        updateHeld(
                jobId,
                owner,
                job -> copy(
                        job,
                        state,
                        job.attempts(),
                        job.runAt(),
                        null,
                        null,
                        error == null ? job.lastError() : error,
                        job.startedAt(),
                        now));
    }

    /** Changes a job only while {@code owner} still holds it (as PostgreSQL: even past expiry, until taken over). */
    private void updateHeld(UUID jobId, String owner, UnaryOperator<Job> change) {
        locked(() -> {
            Job job = jobs.get(jobId);
            if (job == null || job.state() != JobState.RUNNING || !owner.equals(job.leaseOwner())) {
                throw new LeaseLostException("job " + jobId + " is no longer held by " + owner);
            }
            jobs.put(jobId, change.apply(job));
            return null;
        });
    }

    private static Job copy(
            Job job,
            JobState state,
            int attempts,
            Instant runAt,
            String leaseOwner,
            Instant leaseExpiresAt,
            String lastError,
            Instant startedAt,
            Instant finishedAt) {
        return new Job(
                job.id(),
                job.kind(),
                job.databaseId(),
                state,
                attempts,
                job.maxAttempts(),
                runAt,
                leaseOwner,
                leaseExpiresAt,
                lastError,
                job.createdAt(),
                startedAt,
                finishedAt,
                job.traceParent());
    }

    /** PostgreSQL keeps microseconds; truncating makes what the fake returns equal what the real queue reads back. */
    private Instant now() {
        return micros(clock.instant());
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
