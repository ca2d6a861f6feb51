package dev.daap.domain.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    @Test
    void hourlySlotsStartAtTheNextFullUtcHour() {
        assertThat(BackupSchedule.HOURLY.nextSlotAfter(Instant.parse("2026-12-04T10:17:03Z")))
                .isEqualTo("2026-12-04T11:00:00Z");
        assertThat(BackupSchedule.HOURLY.nextSlotAfter(Instant.parse("2026-12-04T23:59:59.999Z")))
                .isEqualTo("2026-12-05T00:00:00Z");
    }

    @Test
    void aSlotStartingNowIsNotTheNextOne() {
        assertThat(BackupSchedule.HOURLY.nextSlotAfter(Instant.parse("2026-12-04T10:00:00Z")))
                .isEqualTo("2026-12-04T11:00:00Z");
        assertThat(BackupSchedule.DAILY.nextSlotAfter(Instant.parse("2026-12-04T00:00:00Z")))
                .isEqualTo("2026-12-05T00:00:00Z");
        assertThat(BackupSchedule.WEEKLY.nextSlotAfter(Instant.parse("2026-12-07T00:00:00Z"))) // a Monday
                .isEqualTo("2026-12-14T00:00:00Z");
    }

    @Test
    void dailySlotsStartAtUtcMidnightAcrossMonthsAndYears() {
        assertThat(BackupSchedule.DAILY.nextSlotAfter(Instant.parse("2026-12-31T18:30:00Z")))
                .isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void weeklySlotsStartOnMondayAtUtcMidnight() {
        // 2026-12-04 is a Friday; 2026-12-06 a Sunday.
        assertThat(BackupSchedule.WEEKLY.nextSlotAfter(Instant.parse("2026-12-04T10:00:00Z")))
                .isEqualTo("2026-12-07T00:00:00Z");
        assertThat(BackupSchedule.WEEKLY.nextSlotAfter(Instant.parse("2026-12-06T23:59:59Z")))
                .isEqualTo("2026-12-07T00:00:00Z");
        assertThat(BackupSchedule.WEEKLY.nextSlotAfter(Instant.parse("2026-12-07T00:00:01Z")))
                .isEqualTo("2026-12-14T00:00:00Z");
    }

    @Test
    void aPolicyIsParsedFromScheduleColonRetainAndBounded() {
        assertThat(BackupPolicy.parse("daily:7")).isEqualTo(new BackupPolicy(BackupSchedule.DAILY, 7));
        assertThatThrownBy(() -> BackupPolicy.parse("daily")).hasMessageContaining("schedule:retain");
        assertThatThrownBy(() -> BackupPolicy.parse("monthly:3")).hasMessageContaining("hourly, daily or weekly");
        assertThatThrownBy(() -> BackupPolicy.parse("daily:0")).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> BackupPolicy.parse("daily:1001")).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> BackupPolicy.parse("daily:x")).hasMessageContaining("whole number");
    }
}
