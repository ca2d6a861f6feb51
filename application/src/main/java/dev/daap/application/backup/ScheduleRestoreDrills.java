package dev.daap.application.backup;

import dev.daap.application.job.JobScheduler;
import dev.daap.domain.backup.Backup;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.common.Transactions;
import dev.daap.domain.job.PeriodicRuns;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * DAAP proves its backups by itself: once per {@code every} (however many instances ask), a sample of up to {@code
 * sample} databases' newest ready backups (never or longest ago drilled first) each get a restore drill, as {@link
 * VerifyBackup} gives one on request. No client asked, so no audit entry; the drills' events say what they found.
 */
public final class ScheduleRestoreDrills {
    static final String TASK = "restore-drills";

    private final Transactions transactions;
    private final PeriodicRuns runs;
    private final Backups backups;
    private final JobScheduler jobs;
    private final Duration every;
    private final int sample;
    private final Clock clock;

    public ScheduleRestoreDrills(
            Transactions transactions,
            PeriodicRuns runs,
            Backups backups,
            JobScheduler jobs,
            Duration every,
            int sample,
            Clock clock) {
        if (every.isNegative() || every.isZero() || sample < 1) {
            throw new IllegalArgumentException("drills need a positive interval and sample");
        }
        this.transactions = transactions;
        this.runs = runs;
        this.backups = backups;
        this.jobs = jobs;
        this.every = every;
        this.sample = sample;
        this.clock = clock;
    }

    /** The backups whose drills this call queued: none unless this instance claimed the interval's run. */
    public List<Backup> execute() {
        return transactions.inTransaction(() -> {
            if (!runs.claim(TASK, every, clock.instant())) {
                return List.of();
            }
            return backups.lockSampleForDrills(sample).stream()
                    .map(backup -> VerifyBackup.startDrill(backups, jobs, backup, clock))
                    .toList();
        });
    }
}
