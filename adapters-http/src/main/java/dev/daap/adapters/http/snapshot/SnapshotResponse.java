package dev.daap.adapters.http.snapshot;

import dev.daap.domain.snapshot.Snapshot;
import java.time.Instant;
import java.util.UUID;

/**
 * A snapshot as clients see it. {@code unavailable_ms}: how long the database refused logins while it was copied
 * (for a snapshot that a restore made of the contents it replaced: during that restore); null until it is ready.
 */
public record SnapshotResponse(
        String id,
        String databaseId,
        String description,
        String status,
        String restoreOf,
        Long sizeBytes,
        Long unavailableMs,
        UUID latestOperationId,
        String failureReason,
        String cluster,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    public static SnapshotResponse from(Snapshot snapshot) {
        return new SnapshotResponse(
                snapshot.id().toString(),
                snapshot.databaseId().toString(),
                snapshot.description(),
                snapshot.status().wireName(),
                snapshot.restoreOf() == null ? null : snapshot.restoreOf().toString(),
                snapshot.sizeBytes(),
                snapshot.unavailable() == null ? null : snapshot.unavailable().toMillis(),
                snapshot.operationId(),
                snapshot.failureReason(),
                snapshot.cluster().name().value(),
                snapshot.createdAt(),
                snapshot.updatedAt(),
                snapshot.version());
    }
}
