package dev.daap.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.job.JobState;
import dev.daap.domain.job.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The rules every implementation of the {@link JobQueue} port keeps; the in-memory fake and the PostgreSQL queue
 * both extend this class. The queue under test must read the time from {@link #clock}, which stands still until a
 * test moves it. It starts in 2001, long before any real job, so that jobs a test did not make are never due; the
 * queue must still see only this test's rows (a transaction rolled back after each test does that).
 */
public abstract class JobQueueContract {
    private static final Instant T0 = Instant.parse("2001-02-03T04:05:06.123456Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** The time the queue under test reads; build the queue with it. */
    protected final TestClock clock = TestClock.at(T0);

    /** The queue under test, ready to use and built on {@link #clock}. */
    protected abstract JobQueue jobs();

    /** Stores a database with this id, for queues whose jobs need their database row (a foreign key). */
    protected abstract void addDatabase(DatabaseId id);

    /** Stores a cluster with this id, for queues whose waiting jobs refer to their cluster's row. */
    protected abstract void addCluster(ClusterId id);

    @Test
    void anEnqueuedJobIsFoundAsItWasStored() {
        Job job = enqueue(aDatabase());

        assertThat(jobs().find(job.id())).contains(job);
        assertThat(jobs().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aJobKeepsTheTraceOfTheRequestThatAskedForItThroughEveryAttempt() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Job job = enqueue(Job.schedule(UUID.randomUUID(), JobKind.PROVISION, aDatabase(), 3, clock.instant())
                .withTraceParent(parent));

        Job claimed = jobs().claim("worker-a", LEASE, 1).getFirst();
        jobs().retryLater(job.id(), "worker-a", "refused", clock.instant());

        assertThat(claimed.traceParent()).isEqualTo(parent);
        assertThat(jobs().claim("worker-b", LEASE, 1))
                .singleElement()
                .extracting(Job::traceParent)
                .isEqualTo(parent);
        assertThat(enqueue(aDatabase()).traceParent()).isNull();
    }

    @Test
    void claimTakesOnlyDueJobsCountsTheAttemptAndSetsTheLease() {
        Job due = enqueue(aDatabase());
        Job later = enqueue(scheduledAt(aDatabase(), T0.plus(Duration.ofHours(1))));
        clock.advance(Duration.ofSeconds(1));
        Instant now = clock.instant();

        List<Job> claimed = jobs().claim("worker-a", LEASE, 10);

        assertThat(claimed).singleElement().satisfies(job -> {
            assertThat(job.id()).isEqualTo(due.id());
            assertThat(job.state()).isEqualTo(JobState.RUNNING);
            assertThat(job.attempts()).isEqualTo(1);
            assertThat(job.leaseOwner()).isEqualTo("worker-a");
            assertThat(job.leaseExpiresAt()).isEqualTo(now.plus(LEASE));
            assertThat(job.startedAt()).isEqualTo(now);
            assertThat(job.finishedAt()).isNull();
            assertThat(job.runAt()).isEqualTo(due.runAt());
        });
        assertThat(jobs().find(due.id())).contains(claimed.getFirst());
        assertThat(jobs().find(later.id())).contains(later);
    }

    @Test
    void aJobBecomesDueWhenItsRunAtComes() {
        Job job = enqueue(scheduledAt(aDatabase(), T0.plusSeconds(60)));
        assertThat(jobs().claim("worker-a", LEASE, 10)).isEmpty();

        clock.advance(Duration.ofSeconds(60));

        assertThat(jobs().claim("worker-a", LEASE, 10)).extracting(Job::id).containsExactly(job.id());
    }

    @Test
    void claimTakesNoMoreThanTheLimit() {
        for (int i = 0; i < 3; i++) {
            enqueue(aDatabase());
        }

        assertThat(jobs().claim("worker-a", LEASE, 2)).hasSize(2);
        assertThat(jobs().claim("worker-b", LEASE, 2)).hasSize(1);
        assertThat(jobs().claim("worker-c", LEASE, 2)).isEmpty();
    }

    @Test
    void aHeldJobIsNotClaimedAgainUntilItsLeaseHasExpired() {
        enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10);

        clock.advance(LEASE); // the lease ends now, but has not expired yet

        assertThat(jobs().claim("worker-b", LEASE, 10)).isEmpty();
    }

    @Test
    void aJobWhoseLeaseExpiredIsTakenAgainAndItsFirstWorkerLosesIt() {
        Job job = enqueue(aDatabase());
        Job first = jobs().claim("worker-a", LEASE, 10).getFirst();
        clock.advance(LEASE.plusSeconds(1));

        List<Job> retaken = jobs().claim("worker-b", LEASE, 10);

        assertThat(retaken).singleElement().satisfies(again -> {
            assertThat(again.id()).isEqualTo(job.id());
            assertThat(again.attempts()).isEqualTo(2);
            assertThat(again.leaseOwner()).isEqualTo("worker-b");
            assertThat(again.leaseExpiresAt()).isEqualTo(clock.instant().plus(LEASE));
            assertThat(again.startedAt()).as("started at its first attempt").isEqualTo(first.startedAt());
        });
        assertThatThrownBy(() -> jobs().succeed(job.id(), "worker-a")).isInstanceOf(LeaseLostException.class);
        assertThat(jobs().find(job.id())).contains(retaken.getFirst());
    }

    @Test
    void jobsOfOneDatabaseRunOneAtATimeOldestFirst() {
        DatabaseId database = aDatabase();
        Job older = Job.schedule(UUID.randomUUID(), JobKind.PROVISION, database, 3, clock.instant());
        clock.advance(Duration.ofSeconds(1));
        Job newer = Job.schedule(UUID.randomUUID(), JobKind.DEPROVISION, database, 3, clock.instant());
        jobs().enqueue(newer); // the order of enqueueing must not matter, only the age
        jobs().enqueue(older);
        Job ofAnotherDatabase = enqueue(aDatabase());

        assertThat(jobs().claim("worker-a", LEASE, 10))
                .extracting(Job::id)
                .containsExactlyInAnyOrder(older.id(), ofAnotherDatabase.id());
        assertThat(jobs().claim("worker-b", LEASE, 10))
                .as("newer waits while older runs")
                .isEmpty();

        jobs().retryLater(older.id(), "worker-a", "target down", clock.instant());
        assertThat(jobs().claim("worker-b", LEASE, 10))
                .as("newer waits while older awaits its retry")
                .extracting(Job::id)
                .containsExactly(older.id());

        jobs().succeed(older.id(), "worker-b");
        assertThat(jobs().claim("worker-c", LEASE, 10)).extracting(Job::id).containsExactly(newer.id());
    }

    @Test
    void onlyTheWorkerHoldingTheLeaseMayFinishOrHandBackAJob() {
        Job job = enqueue(aDatabase());
        Job held = jobs().claim("worker-a", LEASE, 10).getFirst();

        everyOutcome(job.id())
                .forEach((outcome, byOwner) -> assertThatThrownBy(() -> byOwner.accept("worker-b"))
                        .as(outcome)
                        .isInstanceOf(LeaseLostException.class));

        assertThat(jobs().find(job.id())).contains(held);
    }

    @Test
    void aJobThatIsNotRunningCannotBeFinishedOrHandedBack() {
        Job scheduled = enqueue(aDatabase());
        Job succeeded = enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10);
        jobs().retryLater(scheduled.id(), "worker-a", "error", clock.instant().plusSeconds(60));
        jobs().succeed(succeeded.id(), "worker-a");

        for (Job job : List.of(scheduled, succeeded)) {
            everyOutcome(job.id())
                    .forEach((outcome, byOwner) -> assertThatThrownBy(() -> byOwner.accept("worker-a"))
                            .as(outcome + " of " + job.id())
                            .isInstanceOf(LeaseLostException.class));
        }
        assertThatThrownBy(() -> jobs().succeed(UUID.randomUUID(), "worker-a")).isInstanceOf(LeaseLostException.class);
    }

    @Test
    void succeedFailAndCancelFinishTheJobAndEndItsLease() {
        Job succeeded = enqueue(aDatabase());
        Job failed = enqueue(aDatabase());
        Job cancelled = enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10);
        clock.advance(Duration.ofSeconds(5));

        jobs().succeed(succeeded.id(), "worker-a");
        jobs().fail(failed.id(), "worker-a", "target down");
        jobs().cancel(cancelled.id(), "worker-a", "the database is gone");

        assertFinished(succeeded, JobState.SUCCEEDED, null);
        assertFinished(failed, JobState.FAILED, "target down");
        assertFinished(cancelled, JobState.CANCELLED, "the database is gone");
        clock.advance(LEASE.multipliedBy(2));
        assertThat(jobs().claim("worker-b", LEASE, 10))
                .as("finished jobs are never claimed")
                .isEmpty();
    }

    @Test
    void retryLaterRecordsTheErrorAndMakesTheJobDueAtRunAt() {
        Job job = enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10);
        Instant retryAt = clock.instant().plusSeconds(10);

        jobs().retryLater(job.id(), "worker-a", "connection refused", retryAt);

        Job waiting = jobs().find(job.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.SCHEDULED);
        assertThat(waiting.runAt()).isEqualTo(retryAt);
        assertThat(waiting.lastError()).isEqualTo("connection refused");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.leaseOwner()).isNull();
        assertThat(waiting.leaseExpiresAt()).isNull();
        clock.advance(Duration.ofSeconds(9));
        assertThat(jobs().claim("worker-b", LEASE, 10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(jobs().claim("worker-b", LEASE, 10))
                .singleElement()
                .satisfies(again -> assertThat(again.attempts()).isEqualTo(2));
    }

    @Test
    void postponeGivesTheClaimedAttemptBackAndMakesTheJobDueAtRunAt() {
        ClusterId cluster = aCluster();
        Job job = enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10);
        Instant retryAt = clock.instant().plusSeconds(10);

        jobs().postpone(job.id(), "worker-a", "cluster eu-1 is down", retryAt, cluster);

        Job waiting = jobs().find(job.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(JobState.SCHEDULED);
        assertThat(waiting.attempts()).as("waiting used no attempt").isZero();
        assertThat(waiting.runAt()).isEqualTo(retryAt);
        assertThat(waiting.lastError()).isEqualTo("cluster eu-1 is down");
        assertThat(waiting.leaseOwner()).isNull();
        assertThat(waiting.leaseExpiresAt()).isNull();
        clock.advance(Duration.ofSeconds(9));
        assertThat(jobs().claim("worker-b", LEASE, 10)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(jobs().claim("worker-b", LEASE, 10))
                .singleElement()
                .satisfies(again -> assertThat(again.attempts()).isEqualTo(1));
    }

    @Test
    void wakeWaitingForMakesTheJobsWaitingForThatClusterDueAtOnce() {
        ClusterId back = aCluster();
        ClusterId stillDown = aCluster();
        Job first = enqueue(aDatabase());
        Job second = enqueue(aDatabase());
        Job other = enqueue(aDatabase());
        Job retried = enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10);
        Instant later = clock.instant().plus(Duration.ofMinutes(5));
        jobs().postpone(first.id(), "worker-a", "down", later, back);
        jobs().postpone(second.id(), "worker-a", "down", later, back);
        jobs().postpone(other.id(), "worker-a", "down", later, stillDown);
        jobs().retryLater(retried.id(), "worker-a", "permission denied", later);
        clock.advance(Duration.ofSeconds(1));

        assertThat(jobs().wakeWaitingFor(back)).isEqualTo(2);

        assertThat(jobs().claim("worker-b", LEASE, 10))
                .extracting(Job::id)
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(jobs().wakeWaitingFor(back))
                .as("a claimed job waits for nothing any more")
                .isZero();
    }

    @Test
    void forDatabaseListsTheJobsOfOneDatabaseNewestFirst() {
        DatabaseId database = aDatabase();
        Job first = enqueue(database);
        clock.advance(Duration.ofSeconds(1));
        Job second = enqueue(database);
        clock.advance(Duration.ofSeconds(1));
        Job third = enqueue(database);
        enqueue(aDatabase());

        assertThat(jobs().forDatabase(database, 10))
                .extracting(Job::id)
                .containsExactly(third.id(), second.id(), first.id());
        assertThat(jobs().forDatabase(database, 2)).extracting(Job::id).containsExactly(third.id(), second.id());
        assertThat(jobs().forDatabase(new DatabaseId(UUID.randomUUID()), 10)).isEmpty();
    }

    @Test
    void stuckListsRunningJobsWhoseLeaseExpiredLongerAgoThanTheGrace() {
        Duration grace = Duration.ofSeconds(60);
        Job early = enqueue(aDatabase());
        jobs().claim("worker-a", LEASE, 10); // lease ends at T0 + 30s
        clock.advance(Duration.ofSeconds(20));
        Job late = enqueue(aDatabase());
        jobs().claim("worker-b", LEASE, 10); // lease ends at T0 + 50s
        enqueue(aDatabase()); // scheduled: never stuck

        clock.advance(Duration.ofSeconds(71)); // T0 + 91s: only the early lease ended more than 60s ago
        assertThat(jobs().stuck(grace)).extracting(Job::id).containsExactly(early.id());

        clock.advance(Duration.ofSeconds(20)); // T0 + 111s: both did, the longest stuck first
        assertThat(jobs().stuck(grace)).extracting(Job::id).containsExactly(early.id(), late.id());
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private ClusterId aCluster() {
        ClusterId id = new ClusterId(UUID.randomUUID());
        addCluster(id);
        return id;
    }

    private DatabaseId aDatabase() {
        DatabaseId id = new DatabaseId(UUID.randomUUID());
        addDatabase(id);
        return id;
    }

    /** A provision job of {@code database}, due now. */
    private Job enqueue(DatabaseId database) {
        return enqueue(Job.schedule(UUID.randomUUID(), JobKind.PROVISION, database, 3, clock.instant()));
    }

    private Job enqueue(Job job) {
        jobs().enqueue(job);
        return job;
    }

    private Job scheduledAt(DatabaseId database, Instant runAt) {
        return new Job(
                UUID.randomUUID(),
                JobKind.PROVISION,
                database,
                JobState.SCHEDULED,
                0,
                3,
                runAt,
                null,
                null,
                null,
                clock.instant(),
                null,
                null,
                null);
    }

    /** Every way a worker ends its hold on a job, by name, for a given owner. */
    private Map<String, Consumer<String>> everyOutcome(UUID id) {
        return Map.of(
                "succeed", owner -> jobs().succeed(id, owner),
                "fail", owner -> jobs().fail(id, owner, "error"),
                "cancel", owner -> jobs().cancel(id, owner, "reason"),
                "retryLater", owner -> jobs().retryLater(id, owner, "error", clock.instant()),
                "postpone", owner -> jobs().postpone(id, owner, "down", clock.instant(), aCluster()));
    }

    private void assertFinished(Job job, JobState state, String lastError) {
        Job finished = jobs().find(job.id()).orElseThrow();
        assertThat(finished.state()).isEqualTo(state);
        assertThat(finished.finishedAt()).isEqualTo(clock.instant());
        assertThat(finished.lastError()).isEqualTo(lastError);
        assertThat(finished.leaseOwner()).isNull();
        assertThat(finished.leaseExpiresAt()).isNull();
        assertThat(finished.attempts()).isEqualTo(1);
    }
}
