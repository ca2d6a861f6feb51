package dev.daap.adapters.http.backup;

import dev.daap.domain.backup.Backup;
import java.util.List;

/** The live backups of a database, newest first, on one page; {@code next_page_token} is always null for now. */
public record BackupListResponse(List<BackupResponse> items, String nextPageToken) {
    public static BackupListResponse from(List<Backup> backups) {
        return new BackupListResponse(backups.stream().map(BackupResponse::from).toList(), null);
    }
}
