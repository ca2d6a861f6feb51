package dev.daap.domain.database;

import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Labels;
import dev.daap.domain.error.DeletionProtectedException;
import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.error.RestoreWindowExpiredException;
import dev.daap.domain.plan.PlanName;
import dev.daap.domain.team.TeamSlug;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A database a team asked for: the aggregate root. Immutable; every change returns a new value with the next
 * {@code version}, which the store uses for optimistic concurrency.
 *
 * @param connection        null until the database is provisioned
 * @param deletedAt         null while the database is live
 * @param latestOperationId the newest job (operation) that works on this database, if any
 * @param failureReason     why it is {@code failed}, in words a human can act on; null otherwise
 * @param cluster           the cluster it was placed on; null only for a database stored before there were
 *                          clusters, until start-up assigns it to the default one
 * @param nameOnCluster     the name of its database and role on the cluster
 * @param storageBytes      its size on the cluster as last measured; null until measured
 * @param deletionProtection while true, it cannot be deleted (nor purged)
 * @param restorableUntil   while {@code deleted}, until when it can be restored; null in every other status
 * @param plan              its plan of the catalog: its limits on the cluster and its price
 * @param backupPolicy      its scheduled backups; null when it has none
 * @param quotaState        whether it keeps within its plan's limits (over its storage limit it is read-only)
 */
public record Database(
        DatabaseId id,
        DatabaseName name,
        TeamSlug ownerTeam,
        Purpose purpose,
        DatabaseStatus status,
        ConnectionDetails connection,
        Labels labels,
        Instant createdAt,
        Instant updatedAt,
        Instant deletedAt,
        long version,
        UUID latestOperationId,
        String failureReason,
        ClusterRef cluster,
        NameOnCluster nameOnCluster,
        Long storageBytes,
        boolean deletionProtection,
        Instant restorableUntil,
        PlanName plan,
        BackupPolicy backupPolicy,
        QuotaState quotaState) {

    public Database {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(quotaState, "quotaState");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(nameOnCluster, "nameOnCluster");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** Not placed on a cluster (a database from before clusters), its name on the cluster its own. */
    public Database(
            DatabaseId id,
            DatabaseName name,
            TeamSlug ownerTeam,
            Purpose purpose,
            DatabaseStatus status,
            ConnectionDetails connection,
            Labels labels,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt,
            long version,
            UUID latestOperationId,
            String failureReason) {
        this(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                null,
                NameOnCluster.of(name),
                null,
                false,
                null,
                PlanName.CATALOG_DEFAULT,
                null,
                QuotaState.OK);
    }

    /** Without operation or failure (a database no job has touched yet). */
    public Database(
            DatabaseId id,
            DatabaseName name,
            TeamSlug ownerTeam,
            Purpose purpose,
            DatabaseStatus status,
            ConnectionDetails connection,
            Labels labels,
            Instant createdAt,
            Instant updatedAt,
            Instant deletedAt,
            long version) {
        this(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                null,
                null);
    }

    /** A new request for a database: pending, not yet provisioned, and not placed on a cluster. */
    public static Database requested(
            DatabaseId id, DatabaseName name, TeamSlug ownerTeam, Purpose purpose, Labels labels, Instant now) {
        Instant at = storedPrecision(now);
        return new Database(id, name, ownerTeam, purpose, DatabaseStatus.PENDING, null, labels, at, at, null, 1);
    }

    /** The same database, placed on {@code cluster} under {@code nameOnCluster} (set before it is first stored). */
    public Database placedOn(ClusterRef cluster, NameOnCluster nameOnCluster) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                Objects.requireNonNull(cluster, "cluster"),
                nameOnCluster,
                storageBytes,
                deletionProtection,
                restorableUntil,
                plan,
                backupPolicy,
                quotaState);
    }

    /** The same database, with the job that will work on it next (set before it is first stored). */
    public Database withOperation(UUID operationId) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                operationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                restorableUntil,
                plan,
                backupPolicy,
                quotaState);
    }

    /** The same database, with deletion protection on or off (set before it is first stored). */
    public Database withDeletionProtection(boolean protect) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                protect,
                restorableUntil,
                plan,
                backupPolicy,
                quotaState);
    }

    /** The same database on {@code newPlan} (set before it is first stored). */
    public Database withPlan(PlanName newPlan) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                restorableUntil,
                newPlan,
                backupPolicy,
                quotaState);
    }

    /** The same database with {@code policy} (null: none) for its scheduled backups (set before it is first stored). */
    public Database withBackupPolicy(BackupPolicy policy) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                restorableUntil,
                plan,
                policy,
                quotaState);
    }

    /** The same database in quota state {@code state}, which DAAP settles beside the version (see {@link QuotaState}). */
    public Database withQuotaState(QuotaState state) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                restorableUntil,
                plan,
                backupPolicy,
                state);
    }

    /** Applies an owner's change; refused once the database is being deleted. */
    public Database change(DatabaseChanges changes, Instant now) {
        if (!status.isChangeable()) {
            throw new IllegalTransitionException("a database that is " + status.wireName() + " cannot be changed");
        }
        return new Database(
                id,
                name,
                changes.ownerTeam().orElse(ownerTeam),
                changes.purpose().orElse(purpose),
                status,
                connection,
                changes.labels().orElse(labels),
                createdAt,
                storedPrecision(now),
                deletedAt,
                version + 1,
                latestOperationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                changes.deletionProtection().orElse(deletionProtection),
                restorableUntil,
                changes.plan().orElse(plan),
                // A new policy may be none (null): Optional.map would lose that.
                changes.backupPolicy().isPresent()
                        ? changes.backupPolicy().get().policy()
                        : backupPolicy,
                quotaState);
    }

    /** A worker starts creating it on the target cluster (again, after a crash: then nothing changes). */
    public Database startProvisioning(Instant now) {
        if (status == DatabaseStatus.PROVISIONING) {
            return this;
        }
        return moved(DatabaseStatus.PROVISIONING, connection, null, null, latestOperationId, now);
    }

    /** It exists on the target cluster and can be used. */
    public Database provisioned(ConnectionDetails details, Instant now) {
        return moved(DatabaseStatus.READY, details, null, null, latestOperationId, now);
    }

    /** Provisioning or deprovisioning gave up; {@code reason} tells the owner what to do. */
    public Database failed(String reason, Instant now) {
        return moved(DatabaseStatus.FAILED, connection, null, reason, latestOperationId, now);
    }

    /** The owner asked to try a failed database again, with a new job. */
    public Database retry(UUID operationId, Instant now) {
        if (status != DatabaseStatus.FAILED) {
            throw new IllegalTransitionException(
                    "only a failed database can be retried; this one is " + status.wireName());
        }
        return moved(DatabaseStatus.PENDING, connection, null, null, operationId, now);
    }

    /** The owner asked to delete it; a job takes it out of use on its cluster (the data stays). */
    public Database startDeleting(UUID operationId, Instant now) {
        requireUnprotected();
        return moved(DatabaseStatus.DELETING, connection, null, null, operationId, now);
    }

    /**
     * Out of use on its cluster, its data kept until {@code restorableUntil}. The row leaves the live set: its name
     * is free for a new database.
     */
    public Database deleted(Instant now, Instant restorableUntil) {
        Instant at = storedPrecision(now);
        return moved(DatabaseStatus.DELETED, connection, at, null, latestOperationId, now)
                .withRestorableUntil(storedPrecision(restorableUntil));
    }

    /**
     * The owner asked for it back, under {@code newName} (its own, or another if that was taken meanwhile) and
     * {@code newNameOnCluster}: live again at once (the name is taken in this change), restored by a job.
     */
    public Database startRestoring(
            UUID operationId, DatabaseName newName, NameOnCluster newNameOnCluster, Instant now) {
        if (status != DatabaseStatus.DELETED) {
            throw new IllegalTransitionException(
                    "only a deleted database can be restored; this one is " + status.wireName());
        }
        if (restorableUntil == null || now.isAfter(restorableUntil)) {
            throw new RestoreWindowExpiredException(id.toString(), restorableUntil);
        }
        if (connection == null) {
            throw new IllegalTransitionException(
                    "this database was deleted before it was ever provisioned; there is nothing to restore");
        }
        ConnectionDetails renamed = new ConnectionDetails(
                connection.host(),
                connection.port(),
                newNameOnCluster.value(),
                newNameOnCluster.value(),
                connection.sslmode());
        Database restoring = moved(DatabaseStatus.RESTORING, renamed, null, null, operationId, now);
        return new Database(
                id,
                newName,
                ownerTeam,
                purpose,
                restoring.status,
                restoring.connection,
                labels,
                createdAt,
                restoring.updatedAt,
                null,
                restoring.version,
                operationId,
                null,
                cluster,
                newNameOnCluster,
                storageBytes,
                deletionProtection,
                null,
                plan,
                backupPolicy,
                quotaState);
    }

    /** The owner tries a restore again whose job gave up. */
    public Database retryRestoring(UUID operationId, Instant now) {
        return moved(DatabaseStatus.RESTORING, connection, null, null, operationId, now);
    }

    /** The owner tries a purge again whose job gave up. */
    public Database retryPurging(UUID operationId, Instant now) {
        if (status != DatabaseStatus.PURGING) {
            throw new IllegalTransitionException("only a purging database can be purged again");
        }
        return unmoved(operationId, null, now);
    }

    /** Back in use on its cluster, with its data and credentials. */
    public Database restored(Instant now) {
        return moved(DatabaseStatus.READY, connection, null, null, latestOperationId, now);
    }

    /**
     * The data is to be dropped for good (its window passed, or a team admin asked): out of the live set at once,
     * then a job drops database and role. Refused while deletion protection is on, or while it is being restored.
     */
    public Database startPurging(UUID operationId, Instant now) {
        requireUnprotected();
        if (status == DatabaseStatus.RESTORING) {
            throw new IllegalTransitionException("the database is being restored; it cannot be purged now");
        }
        Instant removedAt = deletedAt == null ? storedPrecision(now) : deletedAt;
        return moved(DatabaseStatus.PURGING, connection, removedAt, null, operationId, now);
    }

    /**
     * The owner asked to move it to another cluster: {@code moving} (not changeable, not deletable) until the move job
     * has switched it there, or gave up (then {@code failed}, still on this cluster, and a retry moves it again).
     */
    public Database startMoving(UUID operationId, Instant now) {
        if (status != DatabaseStatus.READY && status != DatabaseStatus.FAILED) {
            throw new IllegalTransitionException(
                    "only a ready database can be moved to another cluster; this one is " + status.wireName());
        }
        if (quotaState == QuotaState.OVER_STORAGE) {
            throw new IllegalTransitionException("the database is over its plan's storage limit and read-only until"
                    + " it is back under; a move would not change that (the limit is its plan's), so move it then");
        }
        return moved(DatabaseStatus.MOVING, connection, null, null, operationId, now);
    }

    /** Copied to {@code target} under {@code targetName}: {@code ready} there, same name, same credentials. */
    public Database movedTo(ClusterRef target, NameOnCluster targetName, ConnectionDetails details, Instant now) {
        Database ready = moved(DatabaseStatus.READY, details, null, null, latestOperationId, now);
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                ready.status,
                ready.connection,
                labels,
                createdAt,
                ready.updatedAt,
                null,
                ready.version,
                latestOperationId,
                null,
                Objects.requireNonNull(target, "target"),
                targetName,
                storageBytes, // the same data; the new cluster's probe measures it again
                deletionProtection,
                null,
                plan,
                backupPolicy,
                quotaState);
    }

    /**
     * What a move leaves on the cluster it left: a {@code deleted} database of its own ({@code copyId}), with this
     * one's name, team, settings and connection details on that cluster, restorable until {@code restorableUntil}
     * like any deleted database and purged after it. It is stored new, at version 1.
     */
    public Database leftBehind(DatabaseId copyId, Instant now, Instant restorableUntil) {
        Instant at = storedPrecision(now);
        return new Database(
                copyId,
                name,
                ownerTeam,
                purpose,
                DatabaseStatus.DELETED,
                connection,
                labels,
                at,
                at,
                at,
                1,
                null,
                null,
                cluster,
                nameOnCluster,
                storageBytes,
                false,
                storedPrecision(restorableUntil),
                plan,
                null, // a deleted copy takes no scheduled backups; the moved database keeps its policy
                quotaState);
    }

    /** Dropped from its cluster; the record stays for the books. */
    public Database purged(Instant now) {
        return moved(DatabaseStatus.PURGED, null, deletedAt, null, latestOperationId, now);
    }

    /** A purge job gave up: it stays purging (its data is no longer in use either way) with the reason. */
    public Database purgeFailed(String reason, Instant now) {
        if (status != DatabaseStatus.PURGING) {
            throw new IllegalTransitionException("only a purging database can fail its purge");
        }
        return unmoved(latestOperationId, reason, now);
    }

    private void requireUnprotected() {
        if (deletionProtection) {
            throw new DeletionProtectedException(id.toString());
        }
    }

    private Database withRestorableUntil(Instant until) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                updatedAt,
                deletedAt,
                version,
                latestOperationId,
                failureReason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                until,
                plan,
                backupPolicy,
                quotaState);
    }

    /** The same status, with a new operation or failure reason: a change that is not a transition. */
    private Database unmoved(UUID operationId, String reason, Instant now) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status,
                connection,
                labels,
                createdAt,
                storedPrecision(now),
                deletedAt,
                version + 1,
                operationId,
                reason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                restorableUntil,
                plan,
                backupPolicy,
                quotaState);
    }

    private Database moved(
            DatabaseStatus target,
            ConnectionDetails details,
            Instant deletedAt,
            String reason,
            UUID operationId,
            Instant now) {
        return new Database(
                id,
                name,
                ownerTeam,
                purpose,
                status.moveTo(target),
                details,
                labels,
                createdAt,
                storedPrecision(now),
                deletedAt,
                version + 1,
                operationId,
                reason,
                cluster,
                nameOnCluster,
                storageBytes,
                deletionProtection,
                null,
                plan,
                backupPolicy,
                quotaState);
    }

    public boolean isLive() {
        return deletedAt == null;
    }

    /** PostgreSQL keeps microseconds; truncating here makes what we return equal to what we read back. */
    private static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
