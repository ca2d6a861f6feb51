package dev.daap.domain.database;

import java.util.Objects;

/**
 * A database's scheduled backups: one per slot of {@code schedule}, the newest {@code retain} of them kept.
 *
 * @param retain how many scheduled backups stay in the store, 1 to {@value #MAX_RETAIN}
 */
public record BackupPolicy(BackupSchedule schedule, int retain) {
    /** A bound on what one database can hold in the store through its schedule. */
    public static final int MAX_RETAIN = 1000;

    public BackupPolicy {
        Objects.requireNonNull(schedule, "schedule");
        if (retain < 1 || retain > MAX_RETAIN) {
            throw new IllegalArgumentException("retain must be between 1 and " + MAX_RETAIN);
        }
    }

    /** A policy written as {@code schedule:retain}, e.g. {@code daily:7} (as {@code DAAP_BACKUP_POLICY} holds it). */
    public static BackupPolicy parse(String raw) {
        int colon = raw.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a backup policy is schedule:retain, e.g. daily:7");
        }
        int retain;
        try {
            retain = Integer.parseInt(raw.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("retain must be a whole number between 1 and " + MAX_RETAIN);
        }
        return new BackupPolicy(BackupSchedule.fromWireName(raw.substring(0, colon)), retain);
    }
}
