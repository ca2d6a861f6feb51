package dev.daap.adapters.postgres.job;

import static dev.daap.adapters.postgres.generated.Tables.PERIODIC_RUNS;

import dev.daap.adapters.postgres.JooqSession;
import dev.daap.domain.job.PeriodicRuns;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One upsert per claim: the first run inserts the task's row; later ones update it only where the interval has
 * passed. Racing callers take turns on the row; the one that waited sees the winner's time and updates nothing.
 */
public final class JooqPeriodicRuns implements PeriodicRuns {
    private final JooqSession session;

    public JooqPeriodicRuns(JooqSession session) {
        this.session = session;
    }

    @Override
    public boolean claim(String task, Duration every, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return session.dsl()
                        .insertInto(PERIODIC_RUNS)
                        .set(PERIODIC_RUNS.TASK, task)
                        .set(PERIODIC_RUNS.LAST_RUN_AT, at)
                        .onConflict(PERIODIC_RUNS.TASK)
                        .doUpdate()
                        .set(PERIODIC_RUNS.LAST_RUN_AT, at)
                        .where(PERIODIC_RUNS.LAST_RUN_AT.le(at.minus(every)))
                        .execute()
                == 1;
    }
}
