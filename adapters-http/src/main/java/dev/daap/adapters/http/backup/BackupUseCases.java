package dev.daap.adapters.http.backup;

import dev.daap.application.backup.DeleteBackup;
import dev.daap.application.backup.ListBackups;
import dev.daap.application.backup.TakeBackup;
import dev.daap.application.backup.VerifyBackup;
import java.util.Objects;

/** The use cases behind {@code /v1/databases/{id}/backups} and {@code /v1/backups/{bid}}, wired by the bootstrap. */
public record BackupUseCases(TakeBackup take, ListBackups list, DeleteBackup delete, VerifyBackup verify) {
    public BackupUseCases {
        Objects.requireNonNull(verify, "verify");
        Objects.requireNonNull(take, "take");
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(delete, "delete");
    }
}
