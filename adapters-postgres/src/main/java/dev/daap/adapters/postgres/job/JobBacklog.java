package dev.daap.adapters.postgres.job;

import static dev.daap.adapters.postgres.generated.Tables.JOBS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.job.JobKind;
import dev.daap.domain.job.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * How much work waits in the jobs table, per kind, for the operators' metrics: one grouped query over the two
 * partial indexes the claim uses (due and running jobs), so its cost follows the backlog, not the table.
 */
public final class JobBacklog {
    private static final String SCHEDULED = JobState.SCHEDULED.wireName();
    private static final String RUNNING = JobState.RUNNING.wireName();
    private final JooqSession session;
    private final Clock clock;

    public JobBacklog(JooqSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
    }

    /**
     * One kind's backlog.
     *
     * @param due           scheduled jobs whose time has come, not yet claimed
     * @param running       jobs a worker holds (or held, if its lease ran out)
     * @param oldestDueWait how long the longest-waiting due job has been due; zero when none is
     */
    public record Kind(long due, long running, Duration oldestDueWait) {
        static final Kind EMPTY = new Kind(0, 0, Duration.ZERO);
    }

    /** Every kind, those without jobs included. */
    public Map<JobKind, Kind> read() {
        Instant now = clock.instant();
        var dueCount = DSL.count().filterWhere(JOBS.STATE.eq(SCHEDULED));
        var runningCount = DSL.count().filterWhere(JOBS.STATE.eq(RUNNING));
        var oldestDue = DSL.min(JOBS.RUN_AT).filterWhere(JOBS.STATE.eq(SCHEDULED));
        Map<JobKind, Kind> backlog = new EnumMap<>(JobKind.class);
        for (JobKind kind : JobKind.values()) {
            backlog.put(kind, Kind.EMPTY);
        }
        session.dsl()
                .select(JOBS.KIND, dueCount, runningCount, oldestDue)
                .from(JOBS)
                .where(JOBS.STATE.eq(SCHEDULED).and(JOBS.RUN_AT.le(now)).or(JOBS.STATE.eq(RUNNING)))
                .groupBy(JOBS.KIND)
                .forEach(row -> backlog.put(
                        JobKind.fromWireName(row.value1()),
                        new Kind(
                                row.value2(),
                                row.value3(),
                                row.value4() == null ? Duration.ZERO : Duration.between(row.value4(), now))));
        return backlog;
    }
}
