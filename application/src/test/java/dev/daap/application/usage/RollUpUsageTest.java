package dev.daap.application.usage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daap.domain.common.Transactions;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.job.PeriodicRuns;
import dev.daap.domain.team.TeamSlug;
import dev.daap.domain.usage.UsageHistory;
import dev.daap.domain.usage.UsagePoint;
import dev.daap.domain.usage.UsageRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rollup folds up to the current hour, forgets whole hours past the retention, and runs once per interval. */
class RollUpUsageTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:17:30Z");
    private final Transactions transactions = new Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            return work.get();
        }
    };
    private final Map<String, Instant> lastRuns = new HashMap<>();
    private final PeriodicRuns runs = (task, every, now) -> {
        Instant last = lastRuns.get(task);
        if (last != null && last.plus(every).isAfter(now)) {
            return false;
        }
        lastRuns.put(task, now);
        return true;
    };
    private final List<String> calls = new ArrayList<>();
    private final UsageHistory history = new UsageHistory() {
        @Override
        public long foldSamplesBefore(Instant hour) {
            calls.add("fold before " + hour);
            return 3;
        }

        @Override
        public long forgetHoursBefore(Instant cutoff) {
            calls.add("forget before " + cutoff);
            return 1;
        }

        @Override
        public List<UsagePoint> ofDatabase(DatabaseId database, UsageRange range) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<UsagePoint> ofTeam(TeamSlug team, UsageRange range) {
            throw new UnsupportedOperationException();
        }
    };

    @Test
    void foldsTheCompleteHoursAndForgetsTheOnesPastTheRetentionOncePerInterval() {
        var rollup = new RollUpUsage(transactions, runs, history, Duration.ofDays(400), at(NOW));

        assertThat(rollup.execute()).isEqualTo(new RollUpUsage.Result(3, 1));
        assertThat(calls).containsExactly("fold before 2026-12-04T10:00:00Z", "forget before 2025-10-30T10:00:00Z");
        assertThat(new RollUpUsage(transactions, runs, history, Duration.ofDays(400), at(NOW.plusSeconds(60)))
                        .execute())
                .as("another instance within the interval")
                .isEqualTo(new RollUpUsage.Result(0, 0));
        assertThat(calls).hasSize(2);
        new RollUpUsage(transactions, runs, history, Duration.ofDays(400), at(NOW.plus(RollUpUsage.EVERY))).execute();
        assertThat(calls).hasSize(4);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }
}
