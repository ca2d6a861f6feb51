package dev.daap.adapters.postgres.job;

import static dev.daap.adapters.postgres.generated.Tables.JOBS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.adapters.postgres.generated.tables.Jobs;
import dev.daap.adapters.postgres.generated.tables.records.JobsRecord;
import dev.daap.adapters.postgres.sql.HotStatement;
import dev.daap.domain.cluster.ClusterId;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.Job;
import dev.daap.domain.job.JobQueue;
import dev.daap.domain.job.JobState;
import dev.daap.domain.job.LeaseLostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

/**
 * The {@link JobQueue} on PostgreSQL. Claiming is one UPDATE over a {@code FOR UPDATE SKIP LOCKED} subquery, so
 * workers in any number of instances take disjoint jobs without waiting on each other; a job waits while an older
 * unfinished job of the same database exists, so a database's jobs never overlap. Enqueueing asks for a
 * {@code NOTIFY} with the job id, sent once the transaction has committed ({@link JooqSession#notifyAfterCommit}).
 */
public final class JooqJobQueue implements JobQueue {
    private static final String SCHEDULED = JobState.SCHEDULED.wireName();
    private static final String RUNNING = JobState.RUNNING.wireName();
    private final JooqSession session;
    private final Clock clock;
    private final String channel;
    /** Every create and delete enqueues a job. */
    private final HotStatement<JobsRecord> insert = HotStatement.insert(JOBS);

    public JooqJobQueue(JooqSession session, Clock clock, String channel) {
        this.session = session;
        this.clock = clock;
        this.channel = channel;
    }

    /** The NOTIFY channel for a schema: instances sharing a schema share the channel. */
    public static String channelFor(String schema) {
        return "daap_jobs_" + schema;
    }

    @Override
    public void enqueue(Job job) {
        insert.execute(session, JobRecordMapper.toRecord(job));
        session.notifyAfterCommit(channel, job.id().toString()); // wakes the workers once the job is visible
    }

    @Override
    public List<Job> claim(String owner, Duration lease, int limit) {
        Instant now = now();
        Jobs job = JOBS.as("candidate");
        Jobs older = JOBS.as("older");
        Condition due = job.STATE
                .eq(SCHEDULED)
                .and(job.RUN_AT.le(now))
                .or(job.STATE.eq(RUNNING).and(job.LEASE_EXPIRES_AT.lt(now)));
        Condition olderUnfinished = older.DATABASE_ID
                .eq(job.DATABASE_ID)
                .and(older.STATE.in(SCHEDULED, RUNNING))
                .and(DSL.row(older.CREATED_AT, older.ID).lt(DSL.row(job.CREATED_AT, job.ID)));
        var candidates = DSL.select(job.ID)
                .from(job)
                .where(due)
                .andNotExists(DSL.selectOne().from(older).where(olderUnfinished))
                .orderBy(job.RUN_AT, job.CREATED_AT, job.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return session.dsl()
                .update(JOBS)
                .set(JOBS.STATE, RUNNING)
                .set(JOBS.LEASE_OWNER, owner)
                .set(JOBS.LEASE_EXPIRES_AT, now.plus(lease))
                .set(JOBS.ATTEMPTS, JOBS.ATTEMPTS.plus(1))
                .set(JOBS.STARTED_AT, DSL.coalesce(JOBS.STARTED_AT, DSL.val(now)))
                .set(JOBS.WAITING_FOR_CLUSTER, (UUID) null)
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.ID.in(candidates))
                .returning()
                .fetch(JobRecordMapper::toDomain);
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
                update -> update.set(JOBS.STATE, SCHEDULED)
                        .set(JOBS.RUN_AT, runAt)
                        .set(JOBS.LAST_ERROR, error));
    }

    @Override
    public void postpone(UUID jobId, String owner, String reason, Instant runAt, ClusterId waitingFor) {
        updateHeld(
                jobId,
                owner,
                update -> update.set(JOBS.STATE, SCHEDULED)
                        .set(JOBS.RUN_AT, runAt)
                        .set(JOBS.LAST_ERROR, reason)
                        .set(JOBS.ATTEMPTS, JOBS.ATTEMPTS.minus(1))
                        .set(JOBS.WAITING_FOR_CLUSTER, waitingFor.value()));
    }

    @Override
    public int wakeWaitingFor(ClusterId cluster) {
        Instant now = now();
        return session.dsl()
                .update(JOBS)
                .set(JOBS.RUN_AT, DSL.least(JOBS.RUN_AT, DSL.val(now)))
                .set(JOBS.WAITING_FOR_CLUSTER, (UUID) null)
                .set(JOBS.UPDATED_AT, now)
                .where(JOBS.WAITING_FOR_CLUSTER.eq(cluster.value()).and(JOBS.STATE.eq(SCHEDULED)))
                .execute();
    }

    @Override
    public Optional<Job> find(UUID jobId) {
        return session.dsl().selectFrom(JOBS).where(JOBS.ID.eq(jobId)).fetchOptional(JobRecordMapper::toDomain);
    }

    @Override
    public List<Job> forDatabase(DatabaseId databaseId, int limit) {
        return session.dsl()
                .selectFrom(JOBS)
                .where(JOBS.DATABASE_ID.eq(databaseId.value()))
                .orderBy(JOBS.CREATED_AT.desc(), JOBS.ID.desc())
                .limit(limit)
                .fetch(JobRecordMapper::toDomain);
    }

    @Override
    public List<Job> stuck(Duration grace) {
        return session.dsl()
                .selectFrom(JOBS)
                .where(JOBS.STATE.eq(RUNNING).and(JOBS.LEASE_EXPIRES_AT.lt(now().minus(grace))))
                .orderBy(JOBS.LEASE_EXPIRES_AT)
                .fetch(JobRecordMapper::toDomain);
    }

    private void finish(UUID jobId, String owner, JobState state, String error) {
        updateHeld(
                jobId,
                owner,
                update -> update.set(JOBS.STATE, state.wireName())
                        .set(JOBS.FINISHED_AT, now())
                        .set(JOBS.LAST_ERROR, error == null ? JOBS.LAST_ERROR : DSL.val(error)));
    }

    /** Changes a job only while {@code owner} still holds its lease; the lease ends with the change. */
    private void updateHeld(UUID jobId, String owner, UnaryOperator<UpdateSetMoreStep<JobsRecord>> changes) {
        int updated = changes.apply(session.dsl()
                        .update(JOBS)
                        .set(JOBS.UPDATED_AT, now())
                        .set(JOBS.LEASE_OWNER, (String) null)
                        .set(JOBS.LEASE_EXPIRES_AT, (Instant) null))
                .where(JOBS.ID.eq(jobId).and(JOBS.STATE.eq(RUNNING)).and(JOBS.LEASE_OWNER.eq(owner)))
                .execute();
        if (updated == 0) {
            throw new LeaseLostException("job " + jobId + " is no longer held by " + owner);
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
