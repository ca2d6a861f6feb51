package dev.daap.adapters.http.backup;

import dev.daap.domain.backup.Backup;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A backup as clients see it. {@code size_bytes} and {@code sha256} are of the encrypted object the store keeps;
 * {@code server_version} is the version of the server it was dumped from; {@code cluster} where it came from.
 */
public record BackupResponse(
        String id,
        String databaseId,
        String status,
        String cluster,
        Instant startedAt,
        Instant finishedAt,
        Long sizeBytes,
        String sha256,
        String serverVersion,
        List<TableCountResponse> tables,
        UUID latestOperationId,
        String failureReason,
        Instant verifiedAt,
        VerificationResponse verification,
        Instant updatedAt,
        long version) {

    /** The newest restore drill: pending, passed or failed, when it ended and what it found. */
    public record VerificationResponse(String status, Instant checkedAt, String detail) {}

    /** One table of the backup: its rows and content checksum when the backup was taken. */
    public record TableCountResponse(String table, long rows, String checksum) {}

    public static BackupResponse from(Backup backup) {
        return new BackupResponse(
                backup.id().toString(),
                backup.databaseId().toString(),
                backup.status().wireName(),
                backup.cluster().name().value(),
                backup.createdAt(),
                backup.finishedAt(),
                backup.sizeBytes(),
                backup.sha256(),
                backup.serverVersion(),
                backup.tables().stream()
                        .map(table -> new TableCountResponse(table.table(), table.rows(), table.checksum()))
                        .toList(),
                backup.operationId(),
                backup.failureReason(),
                backup.verifiedAt(),
                backup.verification() == null
                        ? null
                        : new VerificationResponse(
                                backup.verification().status().wireName(),
                                backup.verification().checkedAt(),
                                backup.verification().detail()),
                backup.updatedAt(),
                backup.version());
    }
}
