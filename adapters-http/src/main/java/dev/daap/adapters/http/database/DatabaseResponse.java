package dev.daap.adapters.http.database;

import dev.daap.domain.database.ConnectionDetails;
import dev.daap.domain.database.Database;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A database as the API shows it. {@code connection} is null until the database is provisioned;
 * {@code latestOperationId} names the newest job on it, {@code failureReason} says why it is {@code failed};
 * {@code cluster} is where it lives, {@code storageBytes} its size there as last measured (null until then);
 * {@code deletedAt} when it left the live set (deleted, purging or purged) and {@code restorableUntil}, while it is
 * deleted, until when a restore brings it back; {@code plan} its plan of the catalog; {@code backupPolicy} its
 * scheduled backups (null: none); {@code quotaState} whether it keeps within its plan ({@code over_storage}: read-only).
 */
public record DatabaseResponse(
        String id,
        String name,
        String ownerTeam,
        String purpose,
        String status,
        ConnectionResponse connection,
        Map<String, String> labels,
        Instant createdAt,
        Instant updatedAt,
        long version,
        UUID latestOperationId,
        String failureReason,
        String cluster,
        Long storageBytes,
        boolean deletionProtection,
        Instant deletedAt,
        Instant restorableUntil,
        String plan,
        BackupPolicyField.Shown backupPolicy,
        String quotaState) {

    /** Where to connect, with the sslmode clients should ask for (null: the client's own default); no password. */
    public record ConnectionResponse(String host, int port, String database, String username, String sslmode) {
        static ConnectionResponse from(ConnectionDetails details) {
            return details == null
                    ? null
                    : new ConnectionResponse(
                            details.host(),
                            details.port(),
                            details.database(),
                            details.username(),
                            details.sslmode() == null ? null : details.sslmode().wireName());
        }
    }

    public static DatabaseResponse from(Database database) {
        return new DatabaseResponse(
                database.id().toString(),
                database.name().value(),
                database.ownerTeam().value(),
                database.purpose().value(),
                database.status().wireName(),
                ConnectionResponse.from(database.connection()),
                database.labels().values(),
                database.createdAt(),
                database.updatedAt(),
                database.version(),
                database.latestOperationId(),
                database.failureReason(),
                database.cluster() == null ? null : database.cluster().name().value(),
                database.storageBytes(),
                database.deletionProtection(),
                database.deletedAt(),
                database.restorableUntil(),
                database.plan().value(),
                BackupPolicyField.Shown.of(database.backupPolicy()),
                database.quotaState().wireName());
    }
}
