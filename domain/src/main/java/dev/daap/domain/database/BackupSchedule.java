package dev.daap.domain.database;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How often a database's scheduled backups are taken: once per slot, the slots starting at full UTC hours, at
 * midnight UTC, or at Monday midnight UTC. Fixed boundaries (not "an interval after the last one") let any number of
 * instances agree on which slot a backup belongs to.
 */
public enum BackupSchedule {
    HOURLY(Duration.ofHours(1)),
    DAILY(Duration.ofDays(1)),
    WEEKLY(Duration.ofDays(7));

    private final Duration length;

    BackupSchedule(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    /** The start of the first slot strictly after {@code now}. */
    public Instant nextSlotAfter(Instant now) {
        var at = now.atOffset(ZoneOffset.UTC);
        return switch (this) {
            case HOURLY -> at.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            case DAILY -> at.truncatedTo(ChronoUnit.DAYS).plusDays(1).toInstant();
            case WEEKLY ->
                at.truncatedTo(ChronoUnit.DAYS)
                        .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                        .toInstant();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Throws {@code IllegalArgumentException} naming the known schedules for anything else. */
    public static BackupSchedule fromWireName(String raw) {
        for (BackupSchedule schedule : values()) {
            if (schedule.wireName().equals(raw)) {
                return schedule;
            }
        }
        throw new IllegalArgumentException("schedule must be hourly, daily or weekly");
    }
}
