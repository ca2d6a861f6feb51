package dev.daap.adapters.http.backup;

import dev.daap.application.backup.DeleteBackup;
import dev.daap.application.backup.ListBackups;
import dev.daap.application.backup.TakeBackup;
import java.util.Objects;

/** The use cases behind {@code /v1/databases/{id}/backups} and {@code /v1/backups/{bid}}, wired by the bootstrap. */
public record BackupUseCases(TakeBackup take, ListBackups list, DeleteBackup delete) {
    public BackupUseCases {
        Objects.requireNonNull(take, "take");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(delete, "delete");
    }
}
