package dev.daap.domain.database;

import dev.daap.domain.cluster.ClusterRef;
import dev.daap.domain.common.Labels;
import dev.daap.domain.error.IllegalTransitionException;
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
        Long storageBytes) {

    public Database {
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
                null);
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
                storageBytes);
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
                storageBytes);
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
                storageBytes);
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

    /** The owner asked to delete it; a job removes it from the target cluster. */
    public Database startDeleting(UUID operationId, Instant now) {
        return moved(DatabaseStatus.DELETING, connection, null, null, operationId, now);
    }

    /** Gone from the target cluster. Soft delete: the row stays for the record, the name becomes free. */
    public Database deleted(Instant now) {
        return moved(DatabaseStatus.DELETED, connection, storedPrecision(now), null, latestOperationId, now);
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
                storageBytes);
    }

    public boolean isLive() {
        return deletedAt == null;
    }

    /** PostgreSQL keeps microseconds; truncating here makes what we return equal to what we read back. */
    private static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
