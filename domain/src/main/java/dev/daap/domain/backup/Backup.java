package dev.daap.domain.backup;

import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One database dumped off its cluster into the {@link BackupStore}, encrypted. It outlives its database: the row
 * names the database and cluster it came from, not where they are now. Immutable; each change returns the next
 * version.
 *
 * @param serverVersion  the version of the server it was dumped from, once made
 * @param sizeBytes      how many bytes the store holds for it (encrypted), once made
 * @param sha256         the SHA-256 of those bytes, in lowercase hex, once made
 * @param tables         each table's rows and checksum when it was taken, in the dump's snapshot; empty before it is
 *                       made (and for backups made before DAAP counted them)
 * @param operationId    the job that works on it now, or did last
 * @param failureReason  why it is {@code failed}; null otherwise
 * @param finishedAt     when it was made (or failed); null before
 * @param verifiedAt     when a restore drill last proved it restorable; null if none has
 * @param verification   its newest restore drill; null if it never had one
 */
public record Backup(
        BackupId id,
        DatabaseId databaseId,
        TeamSlug ownerTeam,
        ClusterRef cluster,
        BackupStatus status,
        String serverVersion,
        Long sizeBytes,
        String sha256,
        List<TableCount> tables,
        UUID operationId,
        String failureReason,
        Instant createdAt,
        Instant finishedAt,
        Instant updatedAt,
        Instant deletedAt,
        Instant verifiedAt,
        Verification verification,
        long version) {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public Backup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(operationId, "operationId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tables = List.copyOf(tables);
        if (sha256 != null && !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 is 64 lowercase hex digits");
        }
        if (sizeBytes != null && sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A backup about to be taken by the job {@code operationId}. */
    public static Backup requested(
            BackupId id, DatabaseId databaseId, TeamSlug team, ClusterRef cluster, UUID operationId, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new Backup(
                id,
                databaseId,
                team,
                cluster,
                BackupStatus.CREATING,
                null,
                null,
                null,
                List.of(),
                operationId,
                null,
                at,
                null,
                at,
                null,
                null,
                null,
                1);
    }

    /** Stored: what the store holds, and the server it came from. */
    public Backup made(Stored stored, String fromVersion, List<TableCount> counted, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return next(
                        BackupStatus.READY,
                        fromVersion,
                        stored.sizeBytes(),
                        stored.sha256(),
                        operationId,
                        null,
                        at,
                        null,
                        at)
                .withTables(counted);
    }

    private Backup withTables(List<TableCount> counted) {
        return new Backup(
                id,
                databaseId,
                ownerTeam,
                cluster,
                status,
                serverVersion,
                sizeBytes,
                sha256,
                counted,
                operationId,
                failureReason,
                createdAt,
                finishedAt,
                updatedAt,
                deletedAt,
                verifiedAt,
                verification,
                version);
    }

    public Backup failed(String reason, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Instant finished = finishedAt == null ? at : finishedAt;
        return next(BackupStatus.FAILED, serverVersion, sizeBytes, sha256, operationId, reason, finished, null, at);
    }

    /** Someone asked to delete it; the job {@code operation} removes it from the store. */
    public Backup startDeleting(UUID operation, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return next(BackupStatus.DELETING, serverVersion, sizeBytes, sha256, operation, null, finishedAt, null, at);
    }

    /** Gone from the store; the row stays for the record. */
    public Backup deleted(Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return next(BackupStatus.DELETED, serverVersion, sizeBytes, sha256, operationId, null, finishedAt, at, at);
    }

    /** A restore drill starts: the job {@code operation} restores it into a scratch database and compares. */
    public Backup drilling(UUID operation, Instant now) {
        if (status != BackupStatus.READY) {
            throw new IllegalTransitionException(
                    "only a ready backup can be restored in a drill; this one is " + status.wireName());
        }
        return verified(operation, verifiedAt, Verification.PENDING, now);
    }

    /** The drill ended: it passed (then {@code verifiedAt} is now) or failed with {@code detail}. */
    public Backup drilled(boolean passed, String detail, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        var outcome = new Verification(
                passed ? Verification.Status.PASSED : Verification.Status.FAILED, at, Objects.requireNonNull(detail));
        return verified(operationId, passed ? at : verifiedAt, outcome, now);
    }

    public boolean isDrilling() {
        return verification != null && verification.status() == Verification.Status.PENDING;
    }

    private Backup verified(UUID operation, Instant verified, Verification outcome, Instant now) {
        return new Backup(
                id,
                databaseId,
                ownerTeam,
                cluster,
                status,
                serverVersion,
                sizeBytes,
                sha256,
                tables,
                operation,
                failureReason,
                createdAt,
                finishedAt,
                now.truncatedTo(ChronoUnit.MICROS),
                deletedAt,
                verified,
                outcome,
                version + 1);
    }

    public boolean isLive() {
        return deletedAt == null;
    }

    /** What the store holds of a backup once written: its length and SHA-256 (lowercase hex). */
    public record Stored(long sizeBytes, String sha256) {
        public Stored {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    private Backup next(
            BackupStatus target,
            String fromVersion,
            Long size,
            String digest,
            UUID operation,
            String reason,
            Instant finished,
            Instant deleted,
            Instant now) {
        return new Backup(
                id,
                databaseId,
                ownerTeam,
                cluster,
                status.moveTo(target),
                fromVersion,
                size,
                digest,
                tables,
                operation,
                reason,
                createdAt,
                finished,
                now,
                deleted,
                verifiedAt,
                verification,
                version + 1);
    }
}
