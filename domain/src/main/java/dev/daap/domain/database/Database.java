package dev.daap.domain.database;

import dev.daap.domain.error.IllegalTransitionException;
import dev.daap.domain.team.TeamSlug;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A database a team asked for: the aggregate root. Immutable; every change returns a new value with the next
 * {@code version}, which the store uses for optimistic concurrency.
 *
 * @param connection null until the database is provisioned
 * @param deletedAt  null while the database is live
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
        long version) {

    public Database {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ownerTeam, "ownerTeam");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** A new request for a database: pending, not yet provisioned. */
    public static Database requested(DatabaseId id, DatabaseName name, TeamSlug ownerTeam, Purpose purpose,
                                     Labels labels, Instant now) {
        Instant at = storedPrecision(now);
        return new Database(id, name, ownerTeam, purpose, DatabaseStatus.PENDING, null, labels, at, at, null, 1);
    }

    /** Applies an owner's change; refused once the database is being deleted. */
    public Database change(DatabaseChanges changes, Instant now) {
        if (!status.isChangeable()) {
            throw new IllegalTransitionException("a database that is " + status.wireName() + " cannot be changed");
        }
        return new Database(id, name,
                changes.ownerTeam().orElse(ownerTeam),
                changes.purpose().orElse(purpose),
                status, connection,
                changes.labels().orElse(labels),
                createdAt, storedPrecision(now), deletedAt, version + 1);
    }

    /** Soft delete: the row stays for the record, the name becomes free for a new database. */
    public Database delete(Instant now) {
        Instant at = storedPrecision(now);
        return new Database(id, name, ownerTeam, purpose, status.moveTo(DatabaseStatus.DELETED), connection, labels,
                createdAt, at, at, version + 1);
    }

    public boolean isLive() {
        return deletedAt == null;
    }

    /** PostgreSQL keeps microseconds; truncating here makes what we return equal to what we read back. */
    private static Instant storedPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
