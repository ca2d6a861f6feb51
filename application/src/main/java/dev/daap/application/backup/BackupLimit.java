package dev.daap.application.backup;

import dev.daap.domain.backup.BackupStatus;
import dev.daap.domain.backup.Backups;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.BackupLimitException;

/**
 * How many backups a database may keep ({@code DAAP_BACKUPS_PER_DATABASE}): each is an object in the store, and a
 * database's list of them is answered whole. One being deleted no longer counts. Scheduled backups are bounded by
 * their policy's retention instead, and are not refused here.
 */
public record BackupLimit(int perDatabase) {
    public static final int DEFAULT = 100;

    public BackupLimit {
        if (perDatabase < 1) {
            throw new IllegalArgumentException("a database may keep at least 1 backup");
        }
    }

    /** Takes the database's backups lock (until commit), so two requests never both take the last place. */
    void requireRoom(Backups backups, DatabaseId database) {
        backups.lockBackupsOf(database);
        long kept = backups.liveOf(database).stream()
                .filter(backup -> backup.status() != BackupStatus.DELETING)
                .count();
        if (kept >= perDatabase) {
            throw new BackupLimitException(perDatabase);
        }
    }
}
