package dev.daap.domain.user;

import dev.daap.domain.database.DatabaseId;
import dev.daap.domain.database.NameOnCluster;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may use a database, and how much ({@link AccessLevel}). A user is backed by two logins on the cluster that take
 * turns ({@link LoginSlot}): the current one, and after a rotation the previous one, which keeps working until
 * {@code previousValidUntil}. The first owner's login A is the database's own role (named like the database on its
 * cluster), so clients from before users keep working; every other login is named {@link #loginName}.
 *
 * @param previousValidUntil null when only the current login works; otherwise when the previous one stops
 * @param operationId        the user's newest job (operation): a job that finds a newer one here has nothing to do
 */
public record DatabaseUser(
        UserId id,
        DatabaseId databaseId,
        UserName name,
        AccessLevel access,
        boolean firstOwner,
        UserStatus status,
        LoginSlot current,
        Instant currentSince,
        Instant previousValidUntil,
        UUID operationId,
        String failureReason,
        Instant createdAt,
        Instant updatedAt,
        long version) {
    /** How much of the user's name goes into a login's name: the id that follows makes it unique on its own. */
    private static final int NAME_IN_LOGIN = 24;

    public DatabaseUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(databaseId, "databaseId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(currentSince, "currentSince");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (firstOwner && access != AccessLevel.OWNER) {
            throw new IllegalArgumentException("the first owner has owner access");
        }
    }

    /** A new user, {@code creating} until its job has made its login A. */
    public static DatabaseUser create(
            UserId id,
            DatabaseId database,
            UserName name,
            AccessLevel access,
            boolean firstOwner,
            UUID operationId,
            Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return new DatabaseUser(
                id,
                database,
                name,
                access,
                firstOwner,
                firstOwner ? UserStatus.READY : UserStatus.CREATING,
                LoginSlot.A,
                at,
                null,
                operationId,
                null,
                at,
                at,
                1);
    }

    /**
     * The name of a login of this user on the cluster: the first owner's login A is the database's role; any other
     * is {@code <name>.<user id>.<slot>} (the name cut to 24 characters). The dot keeps it apart from every name of
     * a database or its role on the cluster and the id from every other user's, so it never collides, and never
     * has to move when the database is deleted, restored or renamed. At most 24 + 1 + 32 + 2 = 59 bytes.
     */
    public String loginName(LoginSlot slot, NameOnCluster database) {
        if (firstOwner && slot == LoginSlot.A) {
            return database.value();
        }
        String shown =
                name.value().substring(0, Math.min(NAME_IN_LOGIN, name.value().length()));
        return shown + "." + id.hex() + "." + slot.wireName();
    }

    /** The login that still works besides the current one, until {@link #previousValidUntil}. */
    public Optional<LoginSlot> previous() {
        return previousValidUntil == null ? Optional.empty() : Optional.of(current.other());
    }

    /** Whether the login in {@code slot} works: it is current, or the previous one in its window. */
    public boolean uses(LoginSlot slot) {
        return current == slot || previous().filter(slot::equals).isPresent();
    }

    public boolean live() {
        return status != UserStatus.DELETED;
    }

    /** Its login A exists: it can be used. */
    public DatabaseUser ready(Instant now) {
        return next(
                status == UserStatus.CREATING ? UserStatus.READY : status,
                current,
                currentSince,
                previousValidUntil,
                operationId,
                now);
    }

    /**
     * The other login becomes current with a new password; the one that was current works until {@code now +
     * overlap} (a zero overlap: it stops now). A previous login still in its window is cut short: its password is
     * the one that changes.
     */
    public DatabaseUser rotated(Instant now, Duration overlap) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return next(status, current.other(), at, at.plus(overlap), operationId, now);
    }

    /** The previous login's window is over (or was cut short): the job {@code operation} closes it. */
    public DatabaseUser endingPrevious(UUID operation, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        Instant until = previousValidUntil == null || previousValidUntil.isAfter(at) ? at : previousValidUntil;
        return next(status, current, currentSince, until, operation, now);
    }

    /** The previous login no longer works. */
    public DatabaseUser previousEnded(Instant now) {
        return next(status, current, currentSince, null, operationId, now);
    }

    /** Its job gave up making its login, for {@code reason}; it stays until deleted. */
    public DatabaseUser failed(String reason, Instant now) {
        if (status != UserStatus.CREATING) {
            return this;
        }
        DatabaseUser failed = next(UserStatus.FAILED, current, currentSince, previousValidUntil, operationId, now);
        return new DatabaseUser(
                id,
                databaseId,
                name,
                access,
                firstOwner,
                failed.status,
                current,
                currentSince,
                previousValidUntil,
                operationId,
                Objects.requireNonNull(reason, "reason"),
                createdAt,
                failed.updatedAt,
                failed.version);
    }

    public DatabaseUser deleting(UUID operation, Instant now) {
        return next(UserStatus.DELETING, current, currentSince, previousValidUntil, operation, now);
    }

    public DatabaseUser deleted(Instant now) {
        return next(UserStatus.DELETED, current, currentSince, null, operationId, now);
    }

    private DatabaseUser next(
            UserStatus status,
            LoginSlot current,
            Instant currentSince,
            Instant previousValidUntil,
            UUID operationId,
            Instant now) {
        return new DatabaseUser(
                id,
                databaseId,
                name,
                access,
                firstOwner,
                status,
                current,
                currentSince,
                previousValidUntil,
                operationId,
                status == UserStatus.FAILED ? failureReason : null,
                createdAt,
                now.truncatedTo(ChronoUnit.MICROS),
                version + 1);
    }
}
