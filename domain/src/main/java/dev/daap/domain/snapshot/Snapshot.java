package dev.daap.domain.snapshot;

import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.team.TeamSlug;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A copy of a database's contents at one moment, kept as a database of its own on the same cluster (named by
 * {@link SnapshotId#nameOnCluster()}; nobody ever connects to it). Immutable; each change returns the next version.
 *
 * @param description      the owner's words, or null
 * @param restoreOf        for a snapshot of the contents that a restore replaced: the snapshot that was restored;
 *                         null for a snapshot the owner asked for
 * @param sizeBytes        its size on the cluster once made; null before
 * @param unavailable      how long the database refused logins while it was copied; null before it was made, and
 *                         for the contents a restore replaced (the restore's own window)
 * @param operationId      the job that works on it now, or did last
 * @param failureReason    why it is {@code failed}; null otherwise
 */
public record Snapshot(
        SnapshotId id,
        DatabaseId databaseId,
        TeamSlug ownerTeam,
        ClusterRef cluster,
        String description,
        SnapshotId restoreOf,
        SnapshotStatus status,
        Long sizeBytes,
        Duration unavailable,
        UUID operationId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version) {
    public static final int MAX_DESCRIPTION = 1000;

    public Snapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (description != null && (description.isBlank() || description.length() > MAX_DESCRIPTION)) {
            throw new IllegalArgumentException("a description has 1 to " + MAX_DESCRIPTION + " characters");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A snapshot about to be made by the job {@code operationId}. */
    public static Snapshot requested(
            SnapshotId id,
            DatabaseId databaseId,
            TeamSlug team,
            ClusterRef cluster,
            String description,
            SnapshotId restoreOf,
            UUID operationId,
            Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Snapshot(
                id,
                databaseId,
                team,
                cluster,
                description,
                restoreOf,
                SnapshotStatus.CREATING,
                null,
                null,
                operationId,
                null,
                at,
                at,
                null,
                1);
    }

    /** Made on the cluster. */
    public Snapshot made(long size, Duration unavailableFor, Instant now) {
        return next(SnapshotStatus.READY, size, unavailableFor, operationId, null, null, now);
    }

    public Snapshot failed(String reason, Instant now) {
        return next(SnapshotStatus.FAILED, sizeBytes, unavailable, operationId, reason, null, now);
    }

    /** The owner asked to delete it; the job {@code operation} drops it from the cluster. */
    public Snapshot startDeleting(UUID operation, Instant now) {
        return next(SnapshotStatus.DELETING, sizeBytes, unavailable, operation, null, null, now);
    }

    /** Gone from the cluster; the row stays for the record. */
    public Snapshot deleted(Instant now) {
        return next(SnapshotStatus.DELETED, sizeBytes, unavailable, operationId, null, now, now);
    }

    public boolean isLive() {
        return deletedAt == null;
    }

    private Snapshot next(
            SnapshotStatus target,
            Long size,
            Duration window,
            UUID operation,
            String reason,
            Instant deleted,
            Instant now) {
        return new Snapshot(
                id,
                databaseId,
                ownerTeam,
                cluster,
                description,
                restoreOf,
                status.moveTo(target),
                size,
                window,
                operation,
                reason,
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS),
                deleted == null ? null : deleted.truncatedTo(ChronoUnit.MICROS),
                version + 1);
    }
}
