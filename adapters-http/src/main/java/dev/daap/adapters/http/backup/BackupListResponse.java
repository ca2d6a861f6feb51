package dev.daap.adapters.http.backup;

import dev.daap.domain.backup.Backup;
import dev.daap.domain.common.Page;
import dev.daap.domain.common.PageToken;
import java.util.List;

/** A page of the live backups of a database, newest first; {@code next_page_token} is null on the last page. */
public record BackupListResponse(List<BackupResponse> items, String nextPageToken) {
    public static BackupListResponse from(Page<Backup> page) {
        return new BackupListResponse(
                page.items().stream().map(BackupResponse::from).toList(),
                page.next().map(PageToken::value).orElse(null));
    }
}
